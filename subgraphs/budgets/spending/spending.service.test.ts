import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PgliteDatabaseProvider } from "../../../platform/db/index.js";
import { CreateMonthlySpending1763769600300 } from "../migrations/1763769600300-create-monthly-spending.js";
import { BudgetsReadModels1764547200300 } from "../migrations/1764547200300-budgets-read-models.js";
import { SpendingService } from "./spending.service.js";
import { SpendingLineEntity } from "./spending-line.entity.js";

const ALICE = "00000000-0000-4000-8000-00000000000a";
const BOB = "00000000-0000-4000-8000-00000000000b";
const tx = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;

const line = (userId: string, transactionId: string, n: number, amountMinor: bigint, baseAmountMinor: bigint | null = amountMinor) =>
  Object.assign(new SpendingLineEntity(), {
    transactionId,
    line: n,
    userId,
    kind: "EXPENSE",
    categoryId: n === 0 ? null : "00000000-0000-4000-8000-0000000000c0",
    date: "2026-11-03",
    amountMinor,
    currency: "EUR",
    baseAmountMinor,
  });

/** On PGlite (embedded mode); the budgets integration tests run the same statements on PostgreSQL. */
describe("SpendingService.replaceMany", () => {
  let database: PgliteDatabaseProvider;
  let dataSource: DataSource;
  let spending: SpendingService;

  beforeAll(async () => {
    database = await PgliteDatabaseProvider.create();
    ({ dataSource } = await database.open("budgets", {
      entities: [SpendingLineEntity],
      migrations: [CreateMonthlySpending1763769600300, BudgetsReadModels1764547200300],
    }));
    spending = new SpendingService(dataSource);
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  const stored = async () =>
    (await dataSource.getRepository(SpendingLineEntity).find({ order: { transactionId: "ASC", line: "ASC" } })).map((l) => [
      l.userId === ALICE ? "alice" : "bob",
      l.transactionId,
      l.line,
      l.amountMinor,
    ]);

  it("replaces many transactions' lines at once, returns the lines they had, and leaves another user's alone", async () => {
    await dataSource.transaction((m) =>
      spending.replaceMany(m, [
        { userId: ALICE, transactionId: tx(1), lines: [line(ALICE, tx(1), 0, -100n), line(ALICE, tx(1), 1, -50n, null)] },
        { userId: ALICE, transactionId: tx(2), lines: [line(ALICE, tx(2), 0, -7n)] },
        { userId: BOB, transactionId: tx(3), lines: [line(BOB, tx(3), 0, -9n)] },
      ]),
    );
    const before = await dataSource.transaction((m) =>
      spending.replaceMany(m, [
        { userId: ALICE, transactionId: tx(1), lines: [line(ALICE, tx(1), 0, -80n)] },
        { userId: ALICE, transactionId: tx(2), lines: [] },
        // Bob's transaction named with Alice as its user: scoped by user in SQL, so nothing of Bob's goes.
        { userId: ALICE, transactionId: tx(3), lines: [] },
        { userId: ALICE, transactionId: tx(4), lines: [line(ALICE, tx(4), 0, 3n)] },
      ]),
    );
    expect(before).toEqual([line(ALICE, tx(1), 0, -100n), line(ALICE, tx(1), 1, -50n, null), line(ALICE, tx(2), 0, -7n)]);
    expect(await stored()).toEqual([
      ["alice", tx(1), 0, -80n],
      ["bob", tx(3), 0, -9n],
      ["alice", tx(4), 0, 3n],
    ]);
    expect(await dataSource.transaction((m) => spending.replaceMany(m, []))).toEqual([]);
  });

  it("keeps replace() for one transaction: its old lines out, its new lines in", async () => {
    const before = await dataSource.transaction((m) =>
      spending.replace(m, ALICE, tx(4), [line(ALICE, tx(4), 0, 4n), line(ALICE, tx(4), 1, 5n)]),
    );
    expect(before).toEqual([line(ALICE, tx(4), 0, 3n)]);
    expect((await stored()).filter(([, t]) => t === tx(4))).toEqual([
      ["alice", tx(4), 0, 4n],
      ["alice", tx(4), 1, 5n],
    ]);
  });
});
