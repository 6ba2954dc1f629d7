import { beforeEach, describe, expect, it } from "vitest";

import type { Caller } from "../../platform/auth/caller.js";
import { fakeSubscriber, responseKey, startBridge } from "./live-bridge.fixture.js";
import type { LiveBridge } from "./live-bridge.js";
import { liveFieldsOf } from "./live-fields.js";
import { LIVE_ID_VARIABLE } from "./lookup-document.js";

const supergraph = `
type Subscription {
  groupUpdated(id: ID!): Group @live(topic: "groups.group.v1", events: ["GroupUpdated"], lookup: "group", id: "groupId", match: ["id=groupId"], audience: "lookup")
  groupActivity: Group @live(topic: "groups.group.v1", events: ["GroupUpdated"], lookup: "group", id: "groupId", audience: "lookup")
  budgetUpdated(id: ID!): Budget! @live(topic: "budgets.budget.v1", events: ["BudgetUpdated"], lookup: "budget", id: "budgetId", match: ["id=budgetId"])
}
type Group { id: ID! }
type Budget { id: ID! }
`;
const fields = new Map(liveFieldsOf(supergraph).map((f) => [f.name, f]));

const subscriber = (userId: string, query: string, variables: Record<string, unknown> = {}) =>
  fakeSubscriber(fields, userId, query, variables);

describe("LiveBridge ending subscriptions whose entity is gone", () => {
  /** user id → entity ids the fake lookup shows that user. */
  let visible: Map<string, Set<string>>;
  let failing: boolean;
  let onLookup: (caller: Caller) => void;
  let lookups: string[];
  let bridge: LiveBridge;
  let event: (topic: string, type: string, key: string, data: Record<string, unknown>) => Promise<void>;
  const groupEvent = (groupId: string) => event("groups.group.v1", "GroupUpdated", groupId, { groupId });

  beforeEach(async () => {
    visible = new Map();
    failing = false;
    onLookup = () => undefined;
    lookups = [];
    ({ bridge, deliver: event } = await startBridge(fields, async (document, variables, caller) => {
      const id = variables[LIVE_ID_VARIABLE] as string;
      lookups.push(`${caller.userId}:${id}`);
      onLookup(caller);
      if (failing) return { data: { [responseKey(document)]: null }, errors: [{ message: "subgraph unavailable" }] };
      return { data: { [responseKey(document)]: visible.get(caller.userId!)?.has(id) ? { id } : null } };
    }));
  });

  const see = (userId: string, ...ids: string[]) => visible.set(userId, new Set(ids));

  it("ends a member's subscription with a final null once the lookup stops returning the group; the others keep theirs", async () => {
    see("alice", "g1");
    see("bob", "g1");
    const alice = subscriber("alice", `subscription($id: ID!) { groupUpdated(id: $id) { id } }`, { id: "g1" });
    const bob = subscriber("bob", `subscription { groupUpdated(id: "g1") { id } }`);
    bridge.add(alice);
    bridge.add(bob);
    await groupEvent("g1");
    expect(bob.received).toEqual([{ data: { groupUpdated: { id: "g1" } } }]);

    see("bob"); // removed from the group
    await groupEvent("g1");
    expect(alice.received).toEqual([{ data: { groupUpdated: { id: "g1" } } }, { data: { groupUpdated: { id: "g1" } } }]);
    expect(alice.ended).toBe(0);
    expect(bob.received).toEqual([{ data: { groupUpdated: { id: "g1" } } }, { data: { groupUpdated: null } }]);
    expect(bob.ended).toBe(1);
    expect(bridge.subscriberCount).toBe(1);
    expect(bridge.stats.ended).toBe(1);

    lookups = [];
    see("bob", "g1"); // even if he came back, that subscription is over
    await groupEvent("g1");
    expect(lookups).toEqual(["alice:g1"]);
    expect(bob.received).toHaveLength(2);
    expect(bob.ended).toBe(1);
    expect(alice.received).toHaveLength(3);
  });

  it("answers under the subscriber's alias, and ends every subscriber that shared the resolution", async () => {
    const first = subscriber("carol", `subscription { mine: groupUpdated(id: "g2") { id } }`);
    const second = subscriber("carol", `subscription { mine: groupUpdated(id: "g2") { id } }`);
    bridge.add(first);
    bridge.add(second);
    await groupEvent("g2");
    expect(lookups).toEqual(["carol:g2"]);
    expect(first.received).toEqual([{ data: { mine: null } }]);
    expect(second.received).toEqual([{ data: { mine: null } }]);
    expect([first.ended, second.ended]).toEqual([1, 1]);
    expect(bridge.subscriberCount).toBe(0);
  });

  it("keeps a subscription not tied to one entity: an entity it may not see is skipped, not an end", async () => {
    see("dave", "g4");
    const dave = subscriber("dave", `subscription { groupActivity { id } }`);
    bridge.add(dave);
    await groupEvent("g3");
    expect(dave.received).toEqual([]);
    expect(dave.ended).toBe(0);
    expect(bridge.subscriberCount).toBe(1);
    await groupEvent("g4");
    expect(dave.received).toEqual([{ data: { groupActivity: { id: "g4" } } }]);
  });

  it("does not end a subscription when the lookup fails: the error is delivered and the subscription stays", async () => {
    see("erin", "g5");
    const erin = subscriber("erin", `subscription { groupUpdated(id: "g5") { id } }`);
    bridge.add(erin);
    failing = true;
    await groupEvent("g5");
    expect(erin.received).toEqual([{ data: { groupUpdated: null }, errors: [{ message: "subgraph unavailable" }] }]);
    expect(erin.ended).toBe(0);
    expect(bridge.subscriberCount).toBe(1);
  });

  it("ends an owner's subscription to a deleted entity; a non-null field gets data null and a NOT_FOUND error at its path", async () => {
    const frank = subscriber("frank", `subscription { b: budgetUpdated(id: "b1") { id } }`);
    const other = subscriber("frank", `subscription { budgetUpdated(id: "b2") { id } }`);
    bridge.add(frank);
    bridge.add(other);
    see("frank", "b1", "b2");
    await event("budgets.budget.v1", "BudgetUpdated", "frank", { budgetId: "b1" });
    expect(frank.received).toEqual([{ data: { b: { id: "b1" } } }]);

    see("frank", "b2"); // b1 deleted
    await event("budgets.budget.v1", "BudgetUpdated", "frank", { budgetId: "b1" });
    expect(frank.received[1]).toEqual({
      data: null,
      errors: [{ message: "budgetUpdated ended: not found", path: ["b"], extensions: { code: "NOT_FOUND" } }],
    });
    expect(frank.ended).toBe(1);
    expect(other.received).toEqual([]);
    expect(other.ended).toBe(0);
    expect(bridge.subscriberCount).toBe(1);
  });

  it("does not end a subscriber whose client left while its lookup ran", async () => {
    const grace = subscriber("grace", `subscription { groupUpdated(id: "g6") { id } }`);
    const remove = bridge.add(grace);
    onLookup = () => remove();
    await groupEvent("g6");
    expect(grace.ended).toBe(0);
    expect(grace.received).toEqual([]);
    expect(bridge.subscriberCount).toBe(0);
    expect(bridge.stats.ended).toBe(0);
    remove();
    expect(bridge.subscriberCount).toBe(0);
  });
});
