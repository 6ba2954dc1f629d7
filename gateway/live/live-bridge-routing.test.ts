import { randomUUID } from "node:crypto";

import { type FormattedExecutionResult, getOperationAST, type OperationDefinitionNode, parse } from "graphql";
import { pino } from "pino";
import { beforeEach, describe, expect, it } from "vitest";

import type { Caller } from "../../platform/auth/caller.js";
import type { BusSubscription, DeliveredMessage, EventBus } from "../../platform/events/bus.js";
import { LiveBridge, type LiveSubscriber } from "./live-bridge.js";
import { liveFieldsOf } from "./live-fields.js";
import { LIVE_ID_VARIABLE, toLiveOperation } from "./lookup-document.js";

// Owner-audience fields: an event is keyed by the user it belongs to, and only that user's
// subscribers may be looked up for it. Without that routing every subscriber of the field would be
// resolved as themselves for every user's event: N lookups per event instead of one, and a
// subscriber to an entity that is not theirs would be ended by another user's event.
const supergraph = `
type Subscription {
  budgetUpdated(id: ID!): Budget @live(topic: "budgets.budget.v1", events: ["BudgetUpdated"], lookup: "budget", id: "budgetId", match: ["id=budgetId"])
  transactionPosted: Transaction @live(topic: "ledger.transaction.v1", events: ["TransactionPosted"], lookup: "transaction", id: "transactionId")
}
type Budget { id: ID! }
type Transaction { id: ID! }
`;
const fields = new Map(liveFieldsOf(supergraph).map((f) => [f.name, f]));

interface Fake extends LiveSubscriber {
  received: FormattedExecutionResult[];
  ended: number;
}

function subscriber(userId: string, query: string): Fake {
  const document = parse(query);
  const live = toLiveOperation(document, getOperationAST(document)!, {}, fields);
  if (typeof live === "string") throw new Error(live);
  const s: Fake = {
    operation: live,
    variables: {},
    caller: { userId, scopes: ["*"] } satisfies Caller,
    received: [],
    ended: 0,
    push: (result) => void s.received.push(result),
    end: (last) => {
      s.received.push(last);
      s.ended++;
    },
  };
  return s;
}

describe("LiveBridge routing of owner events", () => {
  /** entity id → its owner; the fake lookup shows an entity only to its owner, as the subgraphs do. */
  let owners: Map<string, string>;
  let lookups: string[];
  let handle: (message: DeliveredMessage) => Promise<void>;
  let bridge: LiveBridge;

  const event = (topic: string, type: string, key: string, data: Record<string, unknown>) =>
    handle({
      topic,
      key,
      partition: 0,
      offset: "0",
      headers: {},
      value: JSON.stringify({
        id: randomUUID(),
        type,
        version: 1,
        source: "test",
        key,
        occurredAt: new Date().toISOString(),
        traceId: "t",
        data,
      }),
    });

  beforeEach(async () => {
    owners = new Map();
    lookups = [];
    const bus = {
      kind: "memory",
      subscribe: async (s: BusSubscription) => {
        handle = s.handle;
        return { stop: async () => undefined };
      },
    } as unknown as EventBus;
    bridge = new LiveBridge({
      bus,
      fields: [...fields.values()],
      logger: pino({ level: "silent" }),
      groupId: "test",
      execute: async (document, variables, caller) => {
        const id = variables[LIVE_ID_VARIABLE] as string;
        lookups.push(`${caller.userId}:${id}`);
        const field = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections[0]!;
        const key = field.kind === "Field" ? (field.alias?.value ?? field.name.value) : "";
        return { data: { [key]: owners.get(id) === caller.userId ? { id } : null } };
      },
    });
    await bridge.start();
  });

  it("looks an owner's event up only as that owner, once for all their subscribers with the same selection", async () => {
    owners.set("t1", "alice");
    const alice1 = subscriber("alice", `subscription { transactionPosted { id } }`);
    const alice2 = subscriber("alice", `subscription { transactionPosted { id } }`);
    const bob = subscriber("bob", `subscription { transactionPosted { id } }`);
    const carol = subscriber("carol", `subscription { transactionPosted { id } }`);
    for (const s of [alice1, alice2, bob, carol]) bridge.add(s);

    await event("ledger.transaction.v1", "TransactionPosted", "alice", { transactionId: "t1" });

    expect(lookups).toEqual(["alice:t1"]);
    expect(bridge.stats.resolutions).toBe(1);
    expect(bridge.stats.deliveries).toBe(2);
    expect(alice1.received).toEqual([{ data: { transactionPosted: { id: "t1" } } }]);
    expect(alice2.received).toEqual([{ data: { transactionPosted: { id: "t1" } } }]);
    expect(bob.received).toEqual([]);
    expect(carol.received).toEqual([]);
  });

  it("does not resolve, and so cannot end, another user's subscription to the same entity id", async () => {
    owners.set("b1", "alice");
    const alice = subscriber("alice", `subscription { budgetUpdated(id: "b1") { id } }`);
    // Bob asks for an id that is not his: the lookup would show him nothing, which for a
    // one-entity subscription means "gone" and would end it if he were looked up at all.
    const bob = subscriber("bob", `subscription { budgetUpdated(id: "b1") { id } }`);
    bridge.add(alice);
    bridge.add(bob);

    await event("budgets.budget.v1", "BudgetUpdated", "alice", { budgetId: "b1" });
    await event("budgets.budget.v1", "BudgetUpdated", "alice", { budgetId: "b1" });

    expect(lookups).toEqual(["alice:b1", "alice:b1"]);
    expect(bridge.stats.resolutions).toBe(2);
    expect(alice.received).toHaveLength(2);
    expect(bob.received).toEqual([]);
    expect(bob.ended).toBe(0);
    expect(bridge.subscriberCount).toBe(2);
  });

  it("resolves nothing for an event keyed to a user with no subscribers", async () => {
    owners.set("t2", "dave");
    bridge.add(subscriber("alice", `subscription { transactionPosted { id } }`));
    bridge.add(subscriber("bob", `subscription { budgetUpdated(id: "b9") { id } }`));

    await event("ledger.transaction.v1", "TransactionPosted", "dave", { transactionId: "t2" });
    await event("budgets.budget.v1", "BudgetUpdated", "dave", { budgetId: "b9" });

    expect(lookups).toEqual([]);
    expect(bridge.stats).toMatchObject({ events: 2, resolutions: 0, deliveries: 0, ended: 0 });
  });
});
