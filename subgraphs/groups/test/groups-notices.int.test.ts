import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import type { GroupExpenseV1, GroupMemberAddedV1, GroupSavingsGoalReachedV1 } from "../../../schema/events/groups.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { equalExpense, groupsClient } from "./groups-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const CREATE_GOAL = `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`;
const CONTRIBUTE = `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { status } }`;
const UPDATE_EXPENSE = `mutation($id: ID!, $input: UpdateGroupExpenseInput!) { updateGroupExpense(id: $id, input: $input) { id } }`;

/** What notifications need from groups' events: who joined and who invited, who acted, and everyone to tell. */
describe.each(modes)("groups' events for notifications on %s", (_mode, config) => {
  const clock = new FixedClock("2026-11-20T10:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof groupsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;
  let flat: string;
  let members: { a: string; b: string; c: string; placeholder: string };

  const outbox = async <T>(type: string, where: string, value: string): Promise<T[]> =>
    (
      await sg
        .subgraph("groups")
        .kit.dataSource.query(
          `SELECT envelope->'data' AS data FROM groups.outbox WHERE type = $1 AND envelope->'data'->>${where} = $2 ORDER BY seq`,
          [type, value],
        )
    ).map((r: { data: T }) => r.data);

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = groupsClient(sg);
    [alice, bob, carol] = [await sg.register("Alice"), await sg.register("Bob"), await sg.register("Carol")];
    const group = await api.createGroup(alice, "Flat 3B", "EUR", "Alice");
    flat = group.id;
    const a = group.members[0].id;
    const placeholder = await api.placeholder(alice, flat, "Dan (no account)");
    const b = await api.addUser(alice, flat, bob, "Bob");
    // Bob invites Carol, who claims nobody's placeholder: the inviter is Bob.
    const { code } = await api.invite(alice, flat);
    await sg
      .subgraph("groups")
      .kit.dataSource.query(`UPDATE groups.invites SET created_by = $1 WHERE group_id = $2 AND used_at IS NULL`, [b, flat]);
    expect((await api.join(carol, code, undefined, "Carol")).errors).toBeUndefined();
    const c = (await api.ok(carol, `query($id: ID!) { group(id: $id) { me { id } } }`, { id: flat })).group.me.id as string;
    members = { a, b, c, placeholder };
  });
  afterAll(async () => sg?.close());

  it("announces GroupMemberAdded with the joiner, the inviter's user and every member's user", async () => {
    const added = await outbox<GroupMemberAddedV1>("GroupMemberAdded", "'groupId'", flat);
    expect(added).toEqual([
      {
        groupId: flat,
        groupName: "Flat 3B",
        memberId: members.b,
        userId: bob.id,
        displayName: "Bob",
        invitedByUserId: alice.id,
        memberUserIds: [alice.id, bob.id],
        addedAt: "2026-11-20T10:00:00.000Z",
      },
      expect.objectContaining({
        memberId: members.c,
        userId: carol.id,
        invitedByUserId: bob.id,
        memberUserIds: [alice.id, bob.id, carol.id],
      }),
    ]);
    // Creating the group and adding a placeholder reach no other user: no GroupMemberAdded for them.
    expect(added.map((e) => e.memberId)).not.toContain(members.placeholder);
  });

  it("puts the group's name, the actor and every member's user on GroupExpenseRecorded and Updated", async () => {
    const expense = await api.expense(
      bob,
      equalExpense(flat, members.b, [members.a, members.b, members.c], "36.00", "EUR", { description: "Pizza" }),
    );
    const [recorded] = await outbox<GroupExpenseV1>("GroupExpenseRecorded", "'expenseId'", expense.id);
    expect(recorded).toMatchObject({
      groupId: flat,
      groupName: "Flat 3B",
      description: "Pizza",
      amountMinor: "3600",
      currency: "EUR",
      actorUserId: bob.id,
      memberUserIds: [alice.id, bob.id, carol.id],
    });
    await api.ok(carol, UPDATE_EXPENSE, { id: expense.id, input: { description: "Pizza night" } });
    const [updated] = await outbox<GroupExpenseV1>("GroupExpenseUpdated", "'expenseId'", expense.id);
    expect(updated).toMatchObject({ description: "Pizza night", actorUserId: carol.id, memberUserIds: [alice.id, bob.id, carol.id] });
  });

  it("puts the group's name, the contributor who reached the goal and every member's user on GroupSavingsGoalReached", async () => {
    const goal = (await api.ok(alice, CREATE_GOAL, { i: { groupId: flat, name: "Sofa", target: { amount: "100", currency: "EUR" } } }))
      .createGroupSavingsGoal;
    await api.ok(alice, CONTRIBUTE, { i: { goalId: goal.id, amount: { amount: "60", currency: "EUR" } } });
    expect(
      (await api.ok(carol, CONTRIBUTE, { i: { goalId: goal.id, amount: { amount: "40", currency: "EUR" } } })).contributeToGroupSavingsGoal,
    ).toEqual({
      status: "REACHED",
    });
    expect(await outbox<GroupSavingsGoalReachedV1>("GroupSavingsGoalReached", "'goalId'", goal.id)).toEqual([
      {
        goalId: goal.id,
        groupId: flat,
        name: "Sofa",
        targetMinor: "10000",
        savedMinor: "10000",
        currency: "EUR",
        reachedAt: "2026-11-20T10:00:00.000Z",
        groupName: "Flat 3B",
        actorUserId: carol.id,
        memberUserIds: [alice.id, bob.id, carol.id],
      },
    ]);
  });
});
