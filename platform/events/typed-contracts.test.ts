import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";

import { BUDGETS_GOAL_TOPIC, SAVINGS_GOAL_UPDATED } from "../../schema/events/budgets.js";
import { CATEGORIES_MERGED, LEDGER_CATEGORY_TOPIC, type LedgerCategoryEvents } from "../../schema/events/ledger.js";
import { systemClock } from "../time/clock.js";
import { randomIds } from "../time/ids.js";
import type { ConsumerDefinition } from "./inbox.js";
import { Outbox } from "./outbox.js";

/**
 * The event contracts in schema/events are enforced by `npm run typecheck`, which `npm test` runs
 * first: each `@ts-expect-error` below fails the typecheck the day the mistake under it compiles.
 */
describe("typed event contracts", () => {
  it("do not let a producer publish a payload or event type its topic's contract lacks", async () => {
    const outbox = new Outbox("contracts", systemClock, randomIds);
    // Outside a transaction the outbox refuses before writing anything, so no database is needed.
    const noTransaction = {} as EntityManager;
    await expect(
      outbox.add(noTransaction, "t", [
        // @ts-expect-error: `SavingsGoalUpdatedV1` carries `userId`, not `ownerId`
        { topic: BUDGETS_GOAL_TOPIC, type: SAVINGS_GOAL_UPDATED, key: "u", data: { goalId: "g", ownerId: "u" } },
      ]),
    ).rejects.toThrow(/inside the transaction/);
    await expect(
      outbox.add(noTransaction, "t", [
        // @ts-expect-error: budgets.goal.v1 has no `SavingsGoalChanged`
        { topic: BUDGETS_GOAL_TOPIC, type: "SavingsGoalChanged", key: "u", data: { goalId: "g", userId: "u" } },
      ]),
    ).rejects.toThrow(/inside the transaction/);
    await expect(
      outbox.add(noTransaction, "t", [
        { topic: BUDGETS_GOAL_TOPIC, type: SAVINGS_GOAL_UPDATED, key: "u", data: { goalId: "g", userId: "u" } },
      ]),
    ).rejects.toThrow(/inside the transaction/);
  });

  it("type a consumer's handlers from the producer's contract", () => {
    const consumer: ConsumerDefinition<LedgerCategoryEvents> = {
      name: "contracts",
      topics: [LEDGER_CATEGORY_TOPIC],
      handlers: {
        [CATEGORIES_MERGED]: async (event) => {
          // @ts-expect-error: `CategoryMovedV1` has `sourceId`, not `fromId`
          void event.data.fromId;
          void event.data.sourceId;
        },
        // @ts-expect-error: ledger publishes `CategoriesMerged`, not `CategoryMerged`
        CategoryMerged: async () => {},
      },
    };
    expect(Object.keys(consumer.handlers)).toEqual([CATEGORIES_MERGED, "CategoryMerged"]);
  });
});
