import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { equalExpense, groupsClient } from "./groups-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const COMMENT = "id body deleted editedAt expenseId settlementId author { displayName }";
const ADD = `mutation($i: AddGroupCommentInput!) { addGroupComment(input: $i) { ${COMMENT} } }`;
const EDIT = `mutation($i: EditGroupCommentInput!) { editGroupComment(input: $i) { ${COMMENT} } }`;
const DELETE = `mutation($id: ID!) { deleteGroupComment(id: $id) { ${COMMENT} } }`;
const ENTRY = "kind actor { displayName } expense { description } settlement { amount { amount } } comment { body deleted }";

describe.each(modes)("comments and the activity feed of groups on %s", (_mode, config) => {
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
  let expenseId: string;
  let settlementId: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = groupsClient(sg);
    [alice, bob, carol] = [await sg.register("Alice"), await sg.register("Bob"), await sg.register("Carol")];
    const group = await api.createGroup(alice, "Flat", "EUR", "Alice");
    flat = group.id;
    a = group.members[0].id;
    b = await api.addUser(alice, flat, bob, "Bob");
    await api.createGroup(carol, "Carol's", "EUR", "Carol");
    expenseId = (await api.expense(alice, { ...equalExpense(flat, a, [a, b], "30.00"), description: "Wine" })).id;
    settlementId = (
      await api.ok(bob, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
        i: { groupId: flat, fromMemberId: b, toMemberId: a, amount: { amount: "15.00", currency: "EUR" }, date: "2026-11-20" },
      })
    ).recordSettlement.id;
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  it("keeps a thread per item: members add, edit and delete their own, admins delete any, all in the activity feed", async () => {
    const first = (await api.ok(bob, ADD, { i: { expenseId, body: "  Who had the red?\nNot me.  " } })).addGroupComment;
    expect(first).toMatchObject({ body: "Who had the red?\nNot me.", deleted: false, editedAt: null, expenseId, settlementId: null });
    expect(first.author.displayName).toBe("Bob");
    clock.advance(60_000);
    const second = (await api.ok(alice, ADD, { i: { expenseId, body: "x".repeat(2000) } })).addGroupComment;
    await api.ok(alice, ADD, { i: { settlementId, body: "Got it, thanks" } });

    const edited = (await api.ok(bob, EDIT, { i: { id: first.id, body: "Who had the rosé?" } })).editGroupComment;
    expect(edited).toMatchObject({ body: "Who had the rosé?", editedAt: "2026-11-20T10:01:00.000Z" });
    // Only the author edits; only the author or an admin/owner deletes.
    expect(await api.outcome(alice, EDIT, { i: { id: first.id, body: "Mine now" } })).toBe("FORBIDDEN");
    expect(await api.outcome(bob, DELETE, { id: second.id })).toBe("FORBIDDEN");
    expect((await api.ok(alice, DELETE, { id: first.id })).deleteGroupComment).toMatchObject({ body: null, deleted: true });
    expect((await api.ok(alice, DELETE, { id: first.id })).deleteGroupComment.deleted).toBe(true);
    expect(await api.outcome(bob, EDIT, { i: { id: first.id, body: "back" } })).toBe("NOT_FOUND:id");

    const threads = await api.group(
      bob,
      flat,
      `expenses { nodes { id comments { id } } } settlements { id comments { body author { displayName } } }`,
    );
    expect(threads.expenses.nodes.find((e: any) => e.id === expenseId).comments).toEqual([{ id: second.id }]);
    expect(threads.settlements[0].comments).toEqual([{ body: "Got it, thanks", author: { displayName: "Alice" } }]);

    const feed = await api.group(bob, flat, `activity(first: 4) { nodes { id ${ENTRY} } pageInfo { hasNextPage endCursor } }`);
    expect(feed.activity.nodes.map(({ id: _id, ...entry }: any) => entry)).toEqual([
      {
        kind: "COMMENT_DELETED",
        actor: { displayName: "Alice" },
        expense: { description: "Wine" },
        settlement: null,
        comment: { body: null, deleted: true },
      },
      {
        kind: "COMMENT_EDITED",
        actor: { displayName: "Bob" },
        expense: { description: "Wine" },
        settlement: null,
        comment: { body: null, deleted: true },
      },
      {
        kind: "COMMENT_ADDED",
        actor: { displayName: "Alice" },
        expense: null,
        settlement: { amount: { amount: "15.00" } },
        comment: { body: "Got it, thanks", deleted: false },
      },
      {
        kind: "COMMENT_ADDED",
        actor: { displayName: "Alice" },
        expense: { description: "Wine" },
        settlement: null,
        comment: expect.anything(),
      },
    ]);
    expect(feed.activity.pageInfo.hasNextPage).toBe(true);
    const rest = await api.group(
      bob,
      flat,
      `activity(first: 10, after: "${feed.activity.pageInfo.endCursor}") { nodes { kind } pageInfo { hasNextPage } }`,
    );
    expect(rest.activity).toEqual({
      nodes: [{ kind: "COMMENT_ADDED" }, { kind: "SETTLEMENT_RECORDED" }, { kind: "EXPENSE_ADDED" }],
      pageInfo: { hasNextPage: false },
    });
  });

  it("refuses bad comments with a code and field, and reveals nothing to outsiders", async () => {
    const cases: Array<[RegisteredUser, string, Record<string, unknown>, string]> = [
      [bob, ADD, { i: { expenseId, body: "x".repeat(2001) } }, "BAD_USER_INPUT:body"],
      [bob, ADD, { i: { expenseId, body: " \n " } }, "BAD_USER_INPUT:body"],
      [bob, ADD, { i: { body: "to nothing" } }, "BAD_USER_INPUT:expenseId"],
      [bob, ADD, { i: { expenseId, settlementId, body: "to both" } }, "BAD_USER_INPUT:expenseId"],
      [bob, ADD, { i: { expenseId: "3b2c0f7e-6a55-4c8e-9d0a-0e6f7c1d2b3a", body: "nobody's" } }, "NOT_FOUND:expenseId"],
      // Carol is in no group with these items: the same answer as for an unknown id.
      [carol, ADD, { i: { expenseId, body: "hi" } }, "NOT_FOUND:expenseId"],
      [carol, ADD, { i: { settlementId, body: "hi" } }, "NOT_FOUND:settlementId"],
    ];
    for (const [user, query, vars, expected] of cases)
      expect(await api.outcome(user, query, vars), JSON.stringify(vars).slice(0, 80)).toBe(expected);
    const mine = (await api.ok(bob, ADD, { i: { expenseId, body: "Mine" } })).addGroupComment.id;
    expect(await api.outcome(carol, EDIT, { i: { id: mine, body: "hijack" } })).toBe("NOT_FOUND:id");
    expect(await api.outcome(carol, DELETE, { id: mine })).toBe("NOT_FOUND:id");
    const entry = (await api.group(bob, flat, "activity(first: 1) { nodes { id } }")).activity.nodes[0].id;
    const asCarol = await api.call(carol, `query($id: ID!, $e: ID!) { groupActivityEntry(id: $id) { id } groupExpense(id: $e) { id } }`, {
      id: entry,
      e: expenseId,
    });
    expect(asCarol).toMatchObject({ data: { groupActivityEntry: null, groupExpense: null } });
    expect((await api.group(bob, flat, "expenses { nodes { comments { body } } }")).expenses.nodes[0].comments.at(-1).body).toBe("Mine");
  });

  it("streams the group's activity live to its members, and nothing to an outsider", async () => {
    const SUB = `subscription($g: ID!) { groupActivity(groupId: $g) { ${ENTRY} } }`;
    const aliceLive = live.subscribe(alice, SUB, { g: flat });
    const bobLive = live.subscribe(bob, SUB, { g: flat });
    const carolLive = live.subscribe(carol, SUB, { g: flat });
    // The subscriptions are registered once a first update gets through.
    await eventually(async () => {
      await api.ok(alice, ADD, { i: { expenseId, body: "ping" } });
      expect(aliceLive.results.length > 0 && bobLive.results.length > 0).toBe(true);
    });
    await api.ok(bob, ADD, { i: { settlementId, body: "Sent it by bank" } });
    const isBobs = (r: any) => r.data?.groupActivity?.comment?.body === "Sent it by bank";
    await eventually(() => expect(aliceLive.results.some(isBobs) && bobLive.results.some(isBobs)).toBe(true));
    expect(aliceLive.results.find(isBobs).data.groupActivity).toEqual({
      kind: "COMMENT_ADDED",
      actor: { displayName: "Bob" },
      expense: null,
      settlement: { amount: { amount: "15.00" } },
      comment: { body: "Sent it by bank", deleted: false },
    });
    await api.expense(bob, { ...equalExpense(flat, b, [a, b], "8.00"), description: "Bread" });
    await eventually(() =>
      expect(
        aliceLive.results.some(
          (r) => r.data?.groupActivity?.kind === "EXPENSE_ADDED" && r.data.groupActivity.expense.description === "Bread",
        ),
      ).toBe(true),
    );
    // Carol is no member: nothing about the group reaches her, not even an error saying it exists.
    expect(carolLive.results).toEqual([]);
    expect(carolLive.completed).toBe(false);
  });
});
