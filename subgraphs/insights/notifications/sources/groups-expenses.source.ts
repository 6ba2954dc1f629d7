import { GROUP_EXPENSE_RECORDED, type GroupsExpenseEvents } from "../../../../schema/events/groups.js";
import type { NotificationSource } from "./notification-source.js";

/**
 * groups.expense.v1: an expense recorded in a group tells every member's user but the one who
 * recorded it. Events written before groups named the members (no `memberUserIds` or
 * `actorUserId`) tell no one: guessing the audience could notify the actor or miss a member.
 * Updates, deletions and settlements stay quiet (balances move; the group page shows them).
 */
export const groupsExpensesSource: NotificationSource<GroupsExpenseEvents> = {
  [GROUP_EXPENSE_RECORDED]: ({ data: e }) => {
    if (!e.memberUserIds || e.actorUserId === undefined) return [];
    return [...new Set(e.memberUserIds)]
      .filter((userId) => userId !== e.actorUserId)
      .map((userId) => ({
        userId,
        kind: "GROUP_EXPENSE" as const,
        data: {
          groupId: e.groupId,
          groupName: e.groupName ?? "",
          expenseId: e.expenseId,
          description: e.description,
          amountMinor: e.amountMinor,
          currency: e.currency,
          date: e.date,
        },
      }));
  },
};
