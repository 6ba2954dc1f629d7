import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { equalExpense, GOAL, groupsClient } from "./groups-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const CREATE = `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { ${GOAL} } }`;
const CONTRIBUTE = `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { ${GOAL} } }`;
const WITHDRAW = `mutation($i: GroupSavingsGoalMovementInput!) { withdrawFromGroupSavingsGoal(input: $i) { ${GOAL} } }`;
const eur = (amount: string) => ({ amount, currency: "EUR" });

describe.each(modes)("group savings goals and live group updates on %s", (_mode, config) => {
  const clock = new FixedClock("2026-11-20T10:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof groupsClient>;
  const live = liveClients(() => sg);
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;
  let flat: string;
  let a: string;
  let b: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = groupsClient(sg);
    [alice, bob, carol] = [await sg.register("Alice"), await sg.register("Bob"), await sg.register("Carol")];
    const group = await api.createGroup(alice, "Flat", "EUR", "Alice");
    flat = group.id;
    a = group.members[0].id;
    b = await api.addUser(alice, flat, bob, "Bob");
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  it("tracks a goal: saved, remaining, progress, the per-member monthly need, status and a leaderboard", async () => {
    const goal = (await api.ok(alice, CREATE, { i: { groupId: flat, name: "New sofa", target: eur("1200"), deadline: "2027-04-30" } }))
      .createGroupSavingsGoal;
    // Nov → Apr is 6 months; two members.
    expect(goal).toMatchObject({
      saved: eur("0.00"),
      remaining: { amount: "1200.00" },
      progressPercent: 0,
      requiredPerMemberPerMonth: { amount: "100.00" },
      status: "ON_TRACK",
    });
    await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("100"), idempotencyKey: "sofa-a-1" } });
    const afterReplay = (await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("100"), idempotencyKey: "sofa-a-1" } }))
      .contributeToGroupSavingsGoal;
    expect(afterReplay.saved.amount).toBe("100.00");
    const afterBob = (await api.ok(bob, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("250.50") } })).contributeToGroupSavingsGoal;
    expect(afterBob).toMatchObject({ saved: { amount: "350.50" }, remaining: { amount: "849.50" }, progressPercent: 29.2 });
    expect(afterBob.contributions.map((c: any) => [c.member.displayName, c.amount.amount])).toEqual([
      ["Bob", "250.50"],
      ["Alice", "100.00"],
    ]);
    const bad: Array<[string, Record<string, unknown>, string]> = [
      [CREATE, { groupId: flat, name: "x", target: eur("0") }, "BAD_USER_INPUT:target"],
      [CREATE, { groupId: flat, name: "x", target: { amount: "5", currency: "USD" } }, "BAD_USER_INPUT:target.currency"],
      [CREATE, { groupId: flat, name: "x", target: eur("5"), deadline: "2026-11-19" }, "BAD_USER_INPUT:deadline"],
      [CONTRIBUTE, { goalId: goal.id, amount: eur("0.001") }, "BAD_USER_INPUT:amount"],
      [CONTRIBUTE, { goalId: goal.id, amount: eur("-1") }, "BAD_USER_INPUT:amount"],
      [CONTRIBUTE, { goalId: goal.id, amount: { amount: "1", currency: "GBP" } }, "BAD_USER_INPUT:amount.currency"],
      [CONTRIBUTE, { goalId: goal.id, amount: eur("1"), idempotencyKey: "sofa-a-1" }, "CONFLICT:idempotencyKey"],
      [WITHDRAW, { goalId: goal.id, amount: eur("100.01") }, "BAD_USER_INPUT:amount"],
    ];
    for (const [query, i, expected] of bad) expect(await api.outcome(alice, query, { i }), JSON.stringify(i)).toBe(expected);
  });

  it("never goes below zero under concurrent withdrawals, and fires Reached once", async () => {
    const goal = (await api.ok(alice, CREATE, { i: { groupId: flat, name: "Boiler", target: eur("300") } })).createGroupSavingsGoal;
    await api.ok(bob, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("100") } });
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => api.call(bob, WITHDRAW, { i: { goalId: goal.id, amount: eur("30") } })),
    );
    expect(attempts.filter((r) => !r.errors)).toHaveLength(3);
    expect(attempts.filter((r) => r.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(2);
    expect(
      (await api.ok(bob, `query($id: ID!) { groupSavingsGoal(id: $id) { saved { amount } } }`, { id: goal.id })).groupSavingsGoal.saved
        .amount,
    ).toBe("10.00");
    await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("300") } });
    const reached = (await api.ok(bob, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("5") } })).contributeToGroupSavingsGoal;
    expect(reached).toMatchObject({ status: "REACHED", progressPercent: 105, reachedAt: "2026-11-20T10:00:00.000Z" });
    const outbox = await sg
      .subgraph("groups")
      .kit.dataSource.query(
        `SELECT count(*)::int AS n FROM groups.outbox WHERE type = 'GroupSavingsGoalReached' AND envelope->'data'->>'goalId' = $1`,
        [goal.id],
      );
    expect(outbox[0].n).toBe(1);
  });

  it("pushes goal and group updates live to current members only, and ends a removed member's subscription", async () => {
    const goal = (await api.ok(alice, CREATE, { i: { groupId: flat, name: "Holiday", target: eur("1000") } })).createGroupSavingsGoal;
    const bobGoal = live.subscribe(
      bob,
      `subscription($id: ID!) { groupSavingsGoalUpdated(id: $id) { id saved { amount } contributions { member { displayName } amount { amount } } } }`,
      {
        id: goal.id,
      },
    );
    const carolGoal = live.subscribe(carol, `subscription($id: ID!) { groupSavingsGoalUpdated(id: $id) { id saved { amount } } }`, {
      id: goal.id,
    });
    const bobGroup = live.subscribe(
      bob,
      `subscription($id: ID!) { groupUpdated(id: $id) { id balances { member { id } amount { amount } } latestExpense { description } } }`,
      {
        id: flat,
      },
    );
    // The subscriptions are registered once a first update gets through.
    await eventually(async () => {
      await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("1") } });
      expect(bobGoal.results.length).toBeGreaterThan(0);
    });
    await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("50") } });
    // Updates from the loop above may still be arriving: wait for the one after the 50.
    await eventually(() =>
      expect(BigInt(bobGoal.results.at(-1).data.groupSavingsGoalUpdated.saved.amount.replace(".", ""))).toBeGreaterThanOrEqual(5100n),
    );
    expect(bobGoal.results.at(-1).data.groupSavingsGoalUpdated.contributions[0].member.displayName).toBe("Alice");
    // Carol is not a member: nothing about the goal reaches her.
    expect(carolGoal.results.filter((r) => r.data?.groupSavingsGoalUpdated)).toEqual([]);

    await api.expense(alice, { ...equalExpense(flat, a, [a, b], "20.00"), description: "Pizza" });
    await eventually(() => expect(bobGroup.results.at(-1)?.data?.groupUpdated?.latestExpense?.description).toBe("Pizza"));
    expect(bobGroup.results.at(-1).data.groupUpdated.balances).toEqual(
      expect.arrayContaining([{ member: { id: b }, amount: { amount: "-10.00" } }]),
    );

    // Bob settles and is removed: his subscriptions to the group end.
    await api.ok(bob, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
      i: { groupId: flat, fromMemberId: b, toMemberId: a, amount: eur("10.00"), date: "2026-11-20" },
    });
    await api.ok(alice, `mutation($g: ID!, $m: ID!) { removeGroupMember(groupId: $g, memberId: $m) { id } }`, { g: flat, m: b });
    // Each ends with a last null, then completes; Alice's own subscriptions carry on.
    await eventually(() => expect(bobGroup.completed && bobGoal.completed).toBe(true));
    expect(bobGroup.results.at(-1)).toEqual({ data: { groupUpdated: null } });
    expect(bobGoal.results.at(-1)).toEqual({ data: { groupSavingsGoalUpdated: null } });
    const aliceGoal = live.subscribe(alice, `subscription($id: ID!) { groupSavingsGoalUpdated(id: $id) { saved { amount } } }`, {
      id: goal.id,
    });
    await eventually(async () => {
      await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: eur("2") } });
      expect(aliceGoal.results.length).toBeGreaterThan(0);
    });
    expect(aliceGoal.completed).toBe(false);
  });
});
