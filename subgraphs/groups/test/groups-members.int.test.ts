import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import type { PlatformConfig } from "../../../platform/config/index.js";
import { countStatements } from "../../../platform/db/statement-logger.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { equalExpense, GROUP, groupsClient } from "./groups-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("groups and members on %s", (_mode, config) => {
  const clock = new FixedClock("2026-11-20T10:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof groupsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = groupsClient(sg);
    [alice, bob, carol] = [await sg.register("Alice"), await sg.register("Bob"), await sg.register("Carol")];
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("creates a group with its creator as OWNER and refuses bad names and currencies", async () => {
    const flat = await api.createGroup(alice, "  Flat 3B ", "eur", "Alice");
    expect(flat).toMatchObject({ name: "Flat 3B", currency: "EUR", archived: false, myRole: "OWNER" });
    expect(flat.members).toEqual([
      expect.objectContaining({ displayName: "Alice", role: "OWNER", isMe: true, isPlaceholder: false, position: 1 }),
    ]);
    expect(flat.balances).toEqual([expect.objectContaining({ amount: { amount: "0.00", currency: "EUR" } })]);
    const create = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }`;
    expect(await api.outcome(alice, create, { input: { name: "", currency: "EUR" } })).toBe("BAD_USER_INPUT:name");
    expect(await api.outcome(alice, create, { input: { name: "x".repeat(101), currency: "EUR" } })).toBe("BAD_USER_INPUT:name");
    expect(await api.outcome(alice, create, { input: { name: "Trip", currency: "EURO" } })).toBe("BAD_USER_INPUT:currency");
    expect(await api.outcome(alice, create, { input: { name: "Trip", currency: "EUR", displayName: "\u0007" } })).toBe(
      "BAD_USER_INPUT:displayName",
    );
    const mine = (await api.ok(alice, `{ groups { id } me { groups { id } } }`)) as any;
    expect(mine.groups.map((g: any) => g.id)).toContain(flat.id);
    expect(mine.me.groups.map((g: any) => g.id)).toContain(flat.id);
  });

  it("lets only members see a group or anything in it, through the gateway and _entities", async () => {
    const flat = await api.createGroup(alice, "Secret flat");
    const expense = await api.expense(alice, equalExpense(flat.id, flat.members[0].id, [flat.members[0].id], "10.00"));
    const goal = (
      await api.ok(alice, `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`, {
        i: { groupId: flat.id, name: "Sofa", target: { amount: "500", currency: "EUR" } },
      })
    ).createGroupSavingsGoal;
    expect(await api.group(bob, flat.id)).toBeNull();
    expect((await api.ok(bob, `query($id: ID!) { groupExpense(id: $id) { id } }`, { id: expense.id })).groupExpense).toBeNull();
    expect((await api.ok(bob, `query($id: ID!) { groupSavingsGoal(id: $id) { id } }`, { id: goal.id })).groupSavingsGoal).toBeNull();
    expect((await api.ok(bob, `{ groups { id } }`)).groups).toEqual([]);
    // Every write by a non-member is NOT_FOUND, never a hint that the group exists.
    expect(await api.outcome(bob, `mutation($id: ID!) { renameGroup(id: $id, name: "Mine") { id } }`, { id: flat.id })).toBe("NOT_FOUND");
    expect(
      await api.outcome(bob, `mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, {
        i: { groupId: flat.id, displayName: "x" },
      }),
    ).toBe("NOT_FOUND");
    expect(await api.outcome(bob, `mutation($g: ID!) { createGroupInvite(groupId: $g) { code } }`, { g: flat.id })).toBe("NOT_FOUND");
    expect(
      (await api.addExpense(bob, equalExpense(flat.id, flat.members[0].id, [flat.members[0].id], "1.00"))).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
    expect(await api.outcome(bob, `mutation($id: ID!) { deleteGroupExpense(id: $id) { id } }`, { id: expense.id })).toBe("NOT_FOUND");
    expect(
      await api.outcome(bob, `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { id } }`, {
        i: { goalId: goal.id, amount: { amount: "1", currency: "EUR" } },
      }),
    ).toBe("NOT_FOUND");
    expect(await api.outcome(bob, `mutation($id: ID!) { renameGroup(id: $id, name: "x") { id } }`, { id: "not-a-uuid" })).toBe("NOT_FOUND");

    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Group { id } ... on GroupMember { id } ... on GroupExpense { id } ... on GroupSavingsGoal { id } ... on User { id } } }`;
    const representations = [
      { __typename: "Group", id: flat.id },
      { __typename: "GroupMember", id: flat.members[0].id },
      { __typename: "GroupExpense", id: expense.id },
      { __typename: "GroupSavingsGoal", id: goal.id },
      { __typename: "User", id: alice.id },
    ];
    const asBob = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: bob.id, scopes: ["*"] }, "t") };
    expect((await postGraphQL(sg.all.urls.groups!, { query: entities, variables: { r: representations } }, asBob)).data._entities).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    const asAlice = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: alice.id, scopes: ["*"] }, "t") };
    expect(
      (await postGraphQL(sg.all.urls.groups!, { query: entities, variables: { r: representations } }, asAlice)).data._entities,
    ).toEqual(representations.map((r) => ({ id: r.id })));
  });

  it("invites by single-use, expiring, revocable codes, and claims placeholders", async () => {
    const trip = await api.createGroup(alice, "Lisbon", "EUR", "Alice");
    const dan = await api.placeholder(alice, trip.id, "Dan");
    const { code, expiresAt } = await api.invite(alice, trip.id);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(expiresAt).toBe("2026-11-27T10:00:00.000Z");
    // Bob claims the placeholder Dan stood for: the same member, now signed in.
    const joined = await api.join(bob, code.toLowerCase().replace(/-/g, " "), dan, "Bob");
    expect(joined.errors).toBeUndefined();
    expect(joined.data.joinGroup).toMatchObject({ id: trip.id, myRole: "MEMBER" });
    const members = (await api.group(bob, trip.id)).members;
    expect(members.find((m: any) => m.id === dan)).toMatchObject({ displayName: "Bob", isPlaceholder: false, isMe: true });

    // Used, unknown, malformed, revoked and expired codes each say so.
    expect((await api.join(carol, code)).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    expect((await api.join(carol, "AAAA-BBBB-CCCC")).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    expect((await api.join(carol, "not a code")).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    const revoked = await api.invite(alice, trip.id);
    expect(
      (await api.ok(alice, `mutation($id: ID!) { revokeGroupInvite(id: $id) { revoked } }`, { id: revoked.id })).revokeGroupInvite.revoked,
    ).toBe(true);
    expect((await api.join(carol, revoked.code)).errors?.[0]?.message).toMatch(/revoked/);
    const expiring = (
      await api.ok(alice, `mutation($g: ID!) { createGroupInvite(groupId: $g, expiresInHours: 1) { code } }`, { g: trip.id })
    ).createGroupInvite;
    clock.set(new Date("2026-11-20T11:00:01Z"));
    try {
      expect((await api.join(carol, expiring.code)).errors?.[0]?.message).toMatch(/expired/);
    } finally {
      clock.set(new Date("2026-11-20T10:00:00Z"));
    }
    // A plain member cannot invite; nobody can join twice; a placeholder of another group cannot be claimed.
    expect(await api.outcome(bob, `mutation($g: ID!) { createGroupInvite(groupId: $g) { code } }`, { g: trip.id })).toBe("FORBIDDEN");
    const again = await api.invite(alice, trip.id);
    expect((await api.join(bob, again.code)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const other = await api.createGroup(alice, "Other");
    const otherPlaceholder = await api.placeholder(alice, other.id, "Eve");
    expect((await api.join(carol, again.code, otherPlaceholder)).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "placeholderId",
    });
    // The refused attempts used nothing up: Carol joins with the same code.
    expect((await api.join(carol, again.code, undefined, "Carol")).errors).toBeUndefined();
    const pending = (await api.group(alice, trip.id, `invites { id used revoked code }`)).invites;
    expect(pending.every((i: any) => !i.used && !i.revoked && i.code === null)).toBe(true);
  });

  it("removes members only when settled, and a removed member no longer sees the group", async () => {
    const flat = await api.createGroup(alice, "Flat", "EUR", "Alice");
    const aliceId = flat.members[0].id;
    const bobId = await api.addUser(alice, flat.id, bob, "Bob");
    await api.expense(alice, equalExpense(flat.id, aliceId, [aliceId, bobId], "30.00"));
    const remove = `mutation($g: ID!, $m: ID!) { removeGroupMember(groupId: $g, memberId: $m) { id removed } }`;
    expect(await api.outcome(alice, remove, { g: flat.id, m: bobId })).toBe("BALANCE_NOT_SETTLED:memberId");
    expect(await api.outcome(bob, remove, { g: flat.id, m: aliceId })).toBe("BAD_USER_INPUT:memberId");
    expect(await api.outcome(alice, remove, { g: flat.id, m: aliceId })).toBe("BAD_USER_INPUT:memberId");
    await api.ok(bob, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
      i: { groupId: flat.id, fromMemberId: bobId, toMemberId: aliceId, amount: { amount: "15.00", currency: "EUR" }, date: "2026-11-21" },
    });
    expect((await api.ok(alice, remove, { g: flat.id, m: bobId })).removeGroupMember).toEqual({ id: bobId, removed: true });
    expect(await api.group(bob, flat.id)).toBeNull();
    // Removed members stay in history, and cannot be named on new expenses.
    const all = (await api.group(alice, flat.id, `members(includeRemoved: true) { id removed }`)).members;
    expect(all).toContainEqual({ id: bobId, removed: true });
    expect((await api.addExpense(alice, equalExpense(flat.id, aliceId, [aliceId, bobId], "1.00"))).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "split.parts",
    });
  });

  it("gives roles, hands ownership over, renames and archives", async () => {
    const club = await api.createGroup(alice, "Club", "EUR", "Alice");
    const bobId = await api.addUser(alice, club.id, bob, "Bob");
    const update = `mutation($i: UpdateGroupMemberInput!) { updateGroupMember(input: $i) { id role displayName } }`;
    expect(await api.outcome(bob, update, { i: { groupId: club.id, memberId: bobId, role: "ADMIN" } })).toBe("BAD_USER_INPUT:role");
    expect((await api.ok(alice, update, { i: { groupId: club.id, memberId: bobId, role: "ADMIN" } })).updateGroupMember.role).toBe("ADMIN");
    expect(
      (await api.ok(bob, `mutation($id: ID!) { renameGroup(id: $id, name: "Book club") { name } }`, { id: club.id })).renameGroup.name,
    ).toBe("Book club");
    expect(await api.outcome(bob, `mutation($id: ID!) { archiveGroup(id: $id) { id } }`, { id: club.id })).toBe("FORBIDDEN");
    await api.ok(alice, update, { i: { groupId: club.id, memberId: bobId, role: "OWNER" } });
    const roles = (await api.group(alice, club.id)).members.map((m: any) => [m.displayName, m.role]);
    expect(roles).toEqual([
      ["Alice", "ADMIN"],
      ["Bob", "OWNER"],
    ]);
    expect((await api.ok(bob, `mutation($id: ID!) { archiveGroup(id: $id) { archived } }`, { id: club.id })).archiveGroup.archived).toBe(
      true,
    );
    expect(await api.outcome(alice, `mutation($id: ID!) { renameGroup(id: $id, name: "x") { id } }`, { id: club.id })).toBe(
      "BAD_USER_INPUT:groupId",
    );
    expect((await api.ok(alice, `{ groups { id } }`)).groups.map((g: any) => g.id)).not.toContain(club.id);
    expect((await api.ok(alice, `{ groups(includeArchived: true) { id } }`)).groups.map((g: any) => g.id)).toContain(club.id);
  });

  it("turns a deleted user's memberships into 'Deleted user' placeholders, keeping the others' balances exact", async () => {
    const dave = await sg.register("Dave");
    const house = await api.createGroup(dave, "House", "EUR", "Dave");
    const daveId = house.members[0].id;
    const aliceId = await api.addUser(dave, house.id, alice, "Alice");
    await api.expense(dave, equalExpense(house.id, daveId, [daveId, aliceId], "40.00"));
    const before = await api.balances(alice, house.id);
    expect((await sg.query(`mutation { deleteAccount(password: "${dave.password}") }`, {}, dave.headers)).data.deleteAccount).toBe(true);
    await eventually(async () => {
      const group = await api.group(alice, house.id);
      expect(group.members.find((m: any) => m.id === daveId)).toMatchObject({
        displayName: "Deleted user",
        isPlaceholder: true,
        role: "MEMBER",
      });
      // The group passes to the longest-standing remaining member.
      expect(group.myRole).toBe("OWNER");
    });
    expect(await api.balances(alice, house.id)).toEqual(before);
    const [row] = await sg
      .subgraph("groups")
      .kit.dataSource.query(`SELECT count(*)::int AS n FROM groups.members WHERE user_id = $1`, [dave.id]);
    expect(row.n).toBe(0);
  });

  it("caps a group's members (a 1,000-member group is refused at the 501st)", async () => {
    const big = await api.createGroup(carol, "Stadium");
    await sg.subgraph("groups").kit.dataSource.query(
      `INSERT INTO groups.members (id, group_id, display_name, role, position, created_at)
         SELECT gen_random_uuid(), $1, 'Fan ' || n, 'MEMBER', n + 1, now() FROM generate_series(1, 499) n`,
      [big.id],
    );
    expect(
      await api.outcome(carol, `mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, {
        i: { groupId: big.id, displayName: "One too many" },
      }),
    ).toBe("BAD_USER_INPUT:groupId");
    expect((await api.group(carol, big.id, `members { id }`)).members).toHaveLength(500);
  });

  it("reads many groups with everything in them in a constant number of statements", async () => {
    const erin = await sg.register("Erin");
    const everything = `{ groups { id myRole members { id } balances { amount { amount } } settlementPlan { from { id } amount { amount } }
      latestExpense { id paidBy { member { id } } shares { member { id } } createdBy { id } groupAmount { amount } }
      settlements { id from { id } to { id } } savingsGoals { id contributions { member { id } amount { amount } } } } }`;
    const addGroup = async (n: number) => {
      const group = await api.createGroup(erin, `Group ${n}`, "EUR", "Erin");
      const me = group.members[0].id;
      const other = await api.placeholder(erin, group.id, "Friend");
      await api.expense(erin, equalExpense(group.id, me, [me, other], "10.00"));
      await api.ok(erin, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
        i: { groupId: group.id, fromMemberId: other, toMemberId: me, amount: { amount: "1.00", currency: "EUR" }, date: "2026-11-20" },
      });
      const goal = (
        await api.ok(erin, `mutation($i: CreateGroupSavingsGoalInput!) { createGroupSavingsGoal(input: $i) { id } }`, {
          i: { groupId: group.id, name: "Pot", target: { amount: "50", currency: "EUR" } },
        })
      ).createGroupSavingsGoal;
      await api.ok(erin, `mutation($i: GroupSavingsGoalMovementInput!) { contributeToGroupSavingsGoal(input: $i) { id } }`, {
        i: { goalId: goal.id, amount: { amount: "5", currency: "EUR" } },
      });
    };
    // Straight at the subgraph: the gateway's cost limit (rightly) refuses this much in one operation.
    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const count = async () => {
      const traceId = `groups-read-${randomUUID()}`;
      const headers = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: erin.id, scopes: ["*"] }, traceId), "x-trace-id": traceId };
      let groups: unknown[] = [];
      const statements = await countStatements(sg.subgraph("groups").kit.dataSource, traceId, async () => {
        const r = await postGraphQL(sg.all.urls.groups!, { query: everything }, headers);
        expect(r.errors).toBeUndefined();
        groups = r.data.groups;
      });
      return { statements, groups: groups.length };
    };
    for (let n = 0; n < 2; n++) await addGroup(n);
    const two = await count();
    for (let n = 2; n < 6; n++) await addGroup(n);
    const six = await count();
    expect([two.groups, six.groups]).toEqual([2, 6]);
    expect(six.statements).toBe(two.statements);
    expect(two.statements).toBeLessThanOrEqual(12);
  });

  it("serves the group fields of a group a member reads in one request", async () => {
    const flat = await api.createGroup(alice, "Read all", "EUR");
    const r = await api.ok(
      alice,
      `query($id: ID!) { group(id: $id) { ${GROUP} me { id } settlementPlan { amount { amount } } latestExpense { id } expenses { nodes { id } } settlements { id } savingsGoals { id } } }`,
      {
        id: flat.id,
      },
    );
    expect(r.group).toMatchObject({ settlementPlan: [], latestExpense: null, expenses: { nodes: [] }, settlements: [], savingsGoals: [] });
  });
});
