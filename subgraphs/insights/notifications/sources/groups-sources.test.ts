import type { EntityManager } from "typeorm";
import { describe, expect, it } from "vitest";

import type { EventEnvelope } from "../../../../platform/events/index.js";
import type { GroupExpenseV1, GroupMemberAddedV1, GroupSavingsGoalReachedV1 } from "../../../../schema/events/groups.js";
import { groupsExpensesSource } from "./groups-expenses.source.js";
import { groupsMembersSource } from "./groups-members.source.js";
import { groupsSavingsSource } from "./groups-savings.source.js";

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({
  id: "e-1",
  type,
  version: 1,
  source: "groups",
  key: "g-1",
  occurredAt: "2026-03-01T09:00:00Z",
  traceId: "t",
  data,
});
const manager = {} as EntityManager;
const usersOf = (items: Array<{ userId: string }>) => items.map((i) => i.userId).sort();

const expense = (extra: Partial<GroupExpenseV1>): GroupExpenseV1 => ({
  groupId: "g-1",
  expenseId: "x-1",
  description: "Pizza",
  amountMinor: "4250",
  currency: "EUR",
  groupAmountMinor: "4250",
  groupCurrency: "EUR",
  date: "2026-03-01",
  posting: null,
  ...extra,
});

describe("group notification sources", () => {
  it("tells the inviter and the other members who joined, never the joiner", async () => {
    const added: GroupMemberAddedV1 = {
      groupId: "g-1",
      groupName: "Flat",
      memberId: "m-3",
      userId: "carol",
      displayName: "Carol",
      invitedByUserId: "alice",
      memberUserIds: ["alice", "bob", "carol"],
      addedAt: "2026-03-01T09:00:00Z",
    };
    const items = await groupsMembersSource.GroupMemberAdded!(envelope("GroupMemberAdded", added), manager);
    expect(usersOf(items)).toEqual(["alice", "bob"]);
    expect(items.every((i) => i.kind === "GROUP_INVITATION")).toBe(true);
    expect(items.find((i) => i.userId === "alice")!.data).toMatchObject({ invitedByYou: true, displayName: "Carol", groupName: "Flat" });
    expect(items.find((i) => i.userId === "bob")!.data.invitedByYou).toBe(false);
    // An inviter who has since left is still told; the joiner alone in a group hears nothing.
    const left = await groupsMembersSource.GroupMemberAdded!(
      envelope("GroupMemberAdded", { ...added, invitedByUserId: "dave", memberUserIds: ["carol"] }),
      manager,
    );
    expect(usersOf(left)).toEqual(["dave"]);
    const alone = { ...added, invitedByUserId: null, memberUserIds: ["carol"] };
    expect(await groupsMembersSource.GroupMemberAdded!(envelope("GroupMemberAdded", alone), manager)).toEqual([]);
  });

  it("tells every member but the actor of a recorded expense, and no one for an event without its audience", async () => {
    const recorded = groupsExpensesSource.GroupExpenseRecorded!;
    const items = await recorded(
      envelope("GroupExpenseRecorded", expense({ actorUserId: "bob", memberUserIds: ["alice", "bob", "carol"] })),
      manager,
    );
    expect(usersOf(items)).toEqual(["alice", "carol"]);
    expect(items[0]!).toMatchObject({ kind: "GROUP_EXPENSE", data: { description: "Pizza", amountMinor: "4250", currency: "EUR" } });
    expect(await recorded(envelope("GroupExpenseRecorded", expense({})), manager)).toEqual([]);
    expect(await recorded(envelope("GroupExpenseRecorded", expense({ memberUserIds: ["alice"] })), manager)).toEqual([]);
    // The actor's account is gone: everyone still in the group hears it.
    expect(
      usersOf(await recorded(envelope("GroupExpenseRecorded", expense({ actorUserId: null, memberUserIds: ["alice"] })), manager)),
    ).toEqual(["alice"]);
  });

  it("tells every member, the actor too, that a group goal was reached", async () => {
    const reached: GroupSavingsGoalReachedV1 = {
      goalId: "s-1",
      groupId: "g-1",
      name: "Trip",
      targetMinor: "1000",
      savedMinor: "1200",
      currency: "USD",
      reachedAt: "2026-03-01T09:00:00Z",
      groupName: "Flat",
      actorUserId: "bob",
      memberUserIds: ["alice", "bob"],
    };
    const items = await groupsSavingsSource.GroupSavingsGoalReached!(envelope("GroupSavingsGoalReached", reached), manager);
    expect(usersOf(items)).toEqual(["alice", "bob"]);
    expect(items[0]!.kind).toBe("GROUP_GOAL_REACHED");
    const old = { ...reached, memberUserIds: undefined };
    expect(await groupsSavingsSource.GroupSavingsGoalReached!(envelope("GroupSavingsGoalReached", old), manager)).toEqual([]);
  });
});
