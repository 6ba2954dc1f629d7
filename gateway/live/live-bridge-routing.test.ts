import { beforeEach, describe, expect, it } from "vitest";

import { fakeSubscriber, responseKey, startBridge } from "./live-bridge.fixture.js";
import type { LiveBridge } from "./live-bridge.js";
import { liveFieldsOf } from "./live-fields.js";
import { LIVE_ID_VARIABLE } from "./lookup-document.js";

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

const subscriber = (userId: string, query: string) => fakeSubscriber(fields, userId, query);

describe("LiveBridge routing of owner events", () => {
  /** entity id → its owner; the fake lookup shows an entity only to its owner, as the subgraphs do. */
  let owners: Map<string, string>;
  let lookups: string[];
  let bridge: LiveBridge;
  let event: (topic: string, type: string, key: string, data: Record<string, unknown>) => Promise<void>;

  beforeEach(async () => {
    owners = new Map();
    lookups = [];
    ({ bridge, deliver: event } = await startBridge(fields, async (document, variables, caller) => {
      const id = variables[LIVE_ID_VARIABLE] as string;
      lookups.push(`${caller.userId}:${id}`);
      return { data: { [responseKey(document)]: owners.get(id) === caller.userId ? { id } : null } };
    }));
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

  it("keeps one user's subscribers to different budgets apart, and forgets a group once its last subscriber leaves", async () => {
    owners.set("b1", "alice");
    owners.set("b2", "alice");
    const one = subscriber("alice", `subscription { budgetUpdated(id: "b1") { id } }`);
    const two = subscriber("alice", `subscription { budgetUpdated(id: "b2") { id } }`);
    const alsoOne = subscriber("alice", `subscription { budgetUpdated(id: "b1") { id } }`);
    bridge.add(one);
    bridge.add(two);
    const leave = bridge.add(alsoOne);

    await event("budgets.budget.v1", "BudgetUpdated", "alice", { budgetId: "b2" });
    expect(lookups).toEqual(["alice:b2"]);
    expect(two.received).toEqual([{ data: { budgetUpdated: { id: "b2" } } }]);
    expect(one.received).toEqual([]);
    expect(alsoOne.received).toEqual([]);

    await event("budgets.budget.v1", "BudgetUpdated", "alice", { budgetId: "b1" });
    expect(lookups).toEqual(["alice:b2", "alice:b1"]);
    expect(one.received).toHaveLength(1);
    expect(alsoOne.received).toHaveLength(1);

    leave();
    await event("budgets.budget.v1", "BudgetUpdated", "alice", { budgetId: "b1" });
    expect(one.received).toHaveLength(2);
    expect(alsoOne.received).toHaveLength(1);
    expect(bridge.subscriberCount).toBe(2);
  });
});
