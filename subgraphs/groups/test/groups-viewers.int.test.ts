import { readFileSync } from "node:fs";

import { Kind, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { equalExpense, groupsClient } from "./groups-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });

/** Everything a member can see of a group: what no refused mutation may change. */
const EVERYTHING = `name archived members { id displayName role } balances { member { id } amount { amount } }
  expenses { nodes { id description amount { amount } deleted comments { id body editedAt } } }
  settlements { id amount { amount } comments { id body } } savingsGoals { id name saved { amount } archived }
  activity(first: 200) { nodes { id kind } }`;

/** Mutation fields of the groups subgraph, read from its composed schema. */
function groupsMutations(): string[] {
  const document = parse(readFileSync(new URL("../../../schema/groups.graphql", import.meta.url), "utf8"));
  return document.definitions.flatMap((d) =>
    (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === "Mutation"
      ? (d.fields ?? []).map((f) => f.name.value)
      : [],
  );
}

describe.each(modes)("group viewers on %s", (_mode, config) => {
  const clock = new FixedClock("2026-11-20T10:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof groupsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let vera: RegisteredUser;
  let flat: string;
  let a: string;
  let b: string;
  let v: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = groupsClient(sg);
    [alice, bob, vera] = [await sg.register("Alice"), await sg.register("Bob"), await sg.register("Vera")];
    const group = await api.createGroup(alice, "Flat", "EUR", "Alice");
    flat = group.id;
    a = group.members[0].id;
    b = await api.addUser(alice, flat, bob, "Bob");
    const invite = await api.ok(alice, `mutation($g: ID!) { createGroupInvite(groupId: $g, role: VIEWER) { code role } }`, { g: flat });
    expect(invite.createGroupInvite.role).toBe("VIEWER");
    const joined = await api.join(vera, invite.createGroupInvite.code, undefined, "Vera");
    expect(joined.data.joinGroup.myRole).toBe("VIEWER");
    v = (await api.group(vera, flat, "me { id }")).me.id;
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("lets a viewer see everything and change nothing: every group mutation is refused", async () => {
    const expense = await api.expense(alice, equalExpense(flat, a, [a, b], "40.00"));
    const settlement = (
      await api.ok(bob, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
        i: { groupId: flat, fromMemberId: b, toMemberId: a, amount: eur("5.00"), date: "2026-11-20" },
      })
    ).recordSettlement.id;
    const goal = (
      await api.ok(alice, `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`, {
        i: { groupId: flat, name: "Sofa", target: eur("300") },
      })
    ).createGroupSavingsGoal.id;
    await api.ok(alice, `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { id } }`, {
      i: { goalId: goal, amount: eur("10") },
    });
    const comment = (
      await api.ok(bob, `mutation($i: AddGroupCommentInput!) { addGroupComment(input: $i) { id } }`, {
        i: { expenseId: expense.id, body: "Thanks!" },
      })
    ).addGroupComment.id;
    const invite = (await api.invite(alice, flat)).id;

    // Vera sees what members see, comments and activity included.
    const seen = await api.group(vera, flat, EVERYTHING);
    expect(seen).toEqual(await api.group(alice, flat, EVERYTHING));
    expect(seen.expenses.nodes[0].comments[0].body).toBe("Thanks!");
    expect(seen.activity.nodes.map((n: any) => n.kind)).toEqual(["COMMENT_ADDED", "SETTLEMENT_RECORDED", "EXPENSE_ADDED"]);

    // Each mutation of the groups subgraph, as the viewer, with input that would otherwise succeed.
    const refused: Record<string, [string, Record<string, unknown>, string]> = {
      renameGroup: [`mutation($id: ID!) { renameGroup(id: $id, name: "Mine") { id } }`, { id: flat }, "FORBIDDEN"],
      archiveGroup: [`mutation($id: ID!) { archiveGroup(id: $id) { id } }`, { id: flat }, "FORBIDDEN"],
      addGroupMember: [
        `mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`,
        { i: { groupId: flat, displayName: "Zed" } },
        "FORBIDDEN",
      ],
      updateGroupMember: [
        `mutation($i: UpdateGroupMemberInput!) { updateGroupMember(input: $i) { id } }`,
        { i: { groupId: flat, memberId: v, displayName: "Vee" } },
        "FORBIDDEN",
      ],
      removeGroupMember: [
        `mutation($g: ID!, $m: ID!) { removeGroupMember(groupId: $g, memberId: $m) { id } }`,
        { g: flat, m: b },
        "FORBIDDEN",
      ],
      createGroupInvite: [`mutation($g: ID!) { createGroupInvite(groupId: $g) { id } }`, { g: flat }, "FORBIDDEN"],
      // Non-admins learn nothing about invites (the existing rule): NOT_FOUND, as for a plain member.
      revokeGroupInvite: [`mutation($id: ID!) { revokeGroupInvite(id: $id) { id } }`, { id: invite }, "NOT_FOUND"],
      addGroupExpense: [
        `mutation($i: AddGroupExpenseInput!) { addGroupExpense(input: $i) { id } }`,
        { i: equalExpense(flat, a, [a, b, v], "9.00") },
        "FORBIDDEN",
      ],
      updateGroupExpense: [
        `mutation($id: ID!, $i: UpdateGroupExpenseInput!) { updateGroupExpense(id: $id, input: $i) { id } }`,
        { id: expense.id, i: { description: "Changed" } },
        "FORBIDDEN",
      ],
      deleteGroupExpense: [`mutation($id: ID!) { deleteGroupExpense(id: $id) { id } }`, { id: expense.id }, "FORBIDDEN"],
      recordSettlement: [
        `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`,
        { i: { groupId: flat, fromMemberId: b, toMemberId: a, amount: eur("1.00"), date: "2026-11-20" } },
        "FORBIDDEN",
      ],
      createGroupSavingsGoal: [
        `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`,
        { i: { groupId: flat, name: "TV", target: eur("100") } },
        "FORBIDDEN",
      ],
      contributeToGroupSavingsGoal: [
        `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { id } }`,
        { i: { goalId: goal, amount: eur("1") } },
        "FORBIDDEN",
      ],
      withdrawFromGroupSavingsGoal: [
        `mutation($i: GroupSavingsGoalMovementInput!) { withdrawFromGroupSavingsGoal(input: $i) { id } }`,
        { i: { goalId: goal, amount: eur("1") } },
        "FORBIDDEN",
      ],
      archiveGroupSavingsGoal: [`mutation($id: ID!) { archiveGroupSavingsGoal(id: $id) { id } }`, { id: goal }, "FORBIDDEN"],
      addGroupComment: [
        `mutation($i: AddGroupCommentInput!) { addGroupComment(input: $i) { id } }`,
        { i: { settlementId: settlement, body: "Me too" } },
        "FORBIDDEN",
      ],
      editGroupComment: [
        `mutation($i: EditGroupCommentInput!) { editGroupComment(input: $i) { id } }`,
        { i: { id: comment, body: "Edited" } },
        "FORBIDDEN",
      ],
      deleteGroupComment: [`mutation($id: ID!) { deleteGroupComment(id: $id) { id } }`, { id: comment }, "FORBIDDEN"],
    };
    // createGroup makes a new group (Vera its owner); joinGroup needs a code, and Vera is in already (CONFLICT).
    const notAboutThisGroup = ["createGroup", "joinGroup"];
    expect([...Object.keys(refused), ...notAboutThisGroup].sort()).toEqual(groupsMutations().sort());

    const before = await api.group(alice, flat, `${EVERYTHING} invites { id revoked }`);
    const outcomes = Object.fromEntries(
      await Promise.all(Object.entries(refused).map(async ([name, [query, vars]]) => [name, await api.outcome(vera, query, vars)])),
    );
    expect(outcomes).toEqual(Object.fromEntries(Object.entries(refused).map(([name, [, , code]]) => [name, code])));
    expect(await api.group(alice, flat, `${EVERYTHING} invites { id revoked }`)).toEqual(before);
  });

  it("lets owners and admins switch members between MEMBER and VIEWER, and a viewer leave", async () => {
    const update = `mutation($i: UpdateGroupMemberInput!) { updateGroupMember(input: $i) { role } }`;
    await api.ok(alice, update, { i: { groupId: flat, memberId: b, role: "ADMIN" } });
    const carol = await sg.register("Carol");
    const c = await api.addUser(alice, flat, carol, "Carol");
    // Bob (admin) makes Carol a viewer and back; ADMIN and OWNER stay the owner's to give.
    expect((await api.ok(bob, update, { i: { groupId: flat, memberId: c, role: "VIEWER" } })).updateGroupMember.role).toBe("VIEWER");
    expect(await api.outcome(carol, `mutation($g: ID!) { renameGroup(id: $g, name: "x") { id } }`, { g: flat })).toBe("FORBIDDEN");
    expect((await api.ok(bob, update, { i: { groupId: flat, memberId: c, role: "MEMBER" } })).updateGroupMember.role).toBe("MEMBER");
    expect(await api.outcome(bob, update, { i: { groupId: flat, memberId: c, role: "ADMIN" } })).toBe("BAD_USER_INPUT:role");
    expect(await api.outcome(bob, update, { i: { groupId: flat, memberId: a, role: "VIEWER" } })).toBe("BAD_USER_INPUT:role");
    // A plain member cannot make anyone a viewer; an invite never grants ADMIN.
    expect(await api.outcome(carol, update, { i: { groupId: flat, memberId: v, role: "MEMBER" } })).toBe("BAD_USER_INPUT:role");
    expect(await api.outcome(alice, `mutation($g: ID!) { createGroupInvite(groupId: $g, role: ADMIN) { id } }`, { g: flat })).toBe(
      "BAD_USER_INPUT:role",
    );
    // Leaving is the viewer's own membership, not the group's data: allowed.
    await api.ok(vera, `mutation($g: ID!, $m: ID!) { removeGroupMember(groupId: $g, memberId: $m) { id } }`, { g: flat, m: v });
    expect(await api.group(vera, flat, "id")).toBeNull();
  });
});
