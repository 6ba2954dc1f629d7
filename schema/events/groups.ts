/**
 * groups' event contract: topics, event types and payloads (see identity.ts for the rules of this
 * folder). A group is shared by several users, so every key here is the **group id**: one group's
 * events stay in order on one partition. Amounts are strings of minor units.
 */

/** Key = group id. A group, its members or its balances changed (live dashboards re-read it). */
export const GROUPS_GROUP_TOPIC = "groups.group.v1" as const;

/** Anything a member would see change: name, archive, members, an expense or settlement moving balances. */
export const GROUP_UPDATED = "GroupUpdated" as const;
/** A member left or was removed (their user, if any, no longer sees the group). */
export const GROUP_MEMBER_REMOVED = "GroupMemberRemoved" as const;
/**
 * A signed-in user became a member: joined with an invite code, possibly claiming a placeholder.
 * Invite codes are anonymous (shared outside Moneta), so this is the first moment groups knows
 * which user an invitation reached; notifications tell the inviter and the other members.
 */
export const GROUP_MEMBER_ADDED = "GroupMemberAdded" as const;

/**
 * Something a member did went into the group's activity feed (an expense, a settlement, a
 * comment): live `groupActivity(groupId)` subscribers re-read the entry by id.
 */
export const GROUP_ACTIVITY_RECORDED = "GroupActivityRecorded" as const;

export type GroupActivityKindV1 =
  "EXPENSE_ADDED" | "EXPENSE_UPDATED" | "EXPENSE_DELETED" | "SETTLEMENT_RECORDED" | "COMMENT_ADDED" | "COMMENT_EDITED" | "COMMENT_DELETED";

export interface GroupActivityRecordedV1 {
  groupId: string;
  activityId: string;
  kind: GroupActivityKindV1;
}

export type GroupChangeV1 =
  | "CREATED"
  | "RENAMED"
  | "ARCHIVED"
  | "MEMBER_ADDED"
  | "MEMBER_JOINED"
  | "MEMBER_UPDATED"
  | "MEMBER_REMOVED"
  | "EXPENSE"
  | "SETTLEMENT"
  | "USER_DELETED";

export interface GroupUpdatedV1 {
  groupId: string;
  change: GroupChangeV1;
}

export interface GroupMemberRemovedV1 {
  groupId: string;
  memberId: string;
  /** The signed-in user behind the member, null for a placeholder. */
  userId: string | null;
}

export interface GroupMemberAddedV1 {
  groupId: string;
  groupName: string;
  memberId: string;
  /** The user who joined. */
  userId: string;
  /** The member's display name in the group. */
  displayName: string;
  /** The user of the member who created the invite used; null when that member has no user (left, deleted). */
  invitedByUserId: string | null;
  /** Users of every active member, the new one included (placeholders have none). */
  memberUserIds: string[];
  /** ISO instant. */
  addedAt: string;
}

/** Payloads on `groups.group.v1`, by event type. */
export type GroupsGroupEvents = {
  [GROUP_UPDATED]: GroupUpdatedV1;
  [GROUP_MEMBER_REMOVED]: GroupMemberRemovedV1;
  [GROUP_MEMBER_ADDED]: GroupMemberAddedV1;
  [GROUP_ACTIVITY_RECORDED]: GroupActivityRecordedV1;
};

/**
 * Key = group id. Expenses and settlements. When the member who recorded one named one of their
 * own ledger accounts, `posting` says what the ledger books on it (the ledger consumes this topic;
 * the source id, expense or settlement id, links its transaction so edits and deletes follow).
 */
export const GROUPS_EXPENSE_TOPIC = "groups.expense.v1" as const;

export const GROUP_EXPENSE_RECORDED = "GroupExpenseRecorded" as const;
export const GROUP_EXPENSE_UPDATED = "GroupExpenseUpdated" as const;
export const GROUP_EXPENSE_DELETED = "GroupExpenseDeleted" as const;
export const GROUP_SETTLEMENT_RECORDED = "GroupSettlementRecorded" as const;

/** Money that left (negative) or reached (positive) one of the user's own ledger accounts. */
export interface GroupLedgerPostingV1 {
  userId: string;
  accountId: string;
  /** Signed minor units of `currency` (the account's currency). */
  amountMinor: string;
  currency: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Payee / description for the ledger transaction. */
  description: string;
}

export interface GroupExpenseV1 {
  groupId: string;
  expenseId: string;
  description: string;
  /** In the expense's own currency. */
  amountMinor: string;
  currency: string;
  /** The amount in the group's currency (equal to amountMinor when the currencies match). */
  groupAmountMinor: string;
  groupCurrency: string;
  /** YYYY-MM-DD. */
  date: string;
  /** What the ledger books for this expense now; null: nothing (or no longer anything). */
  posting: GroupLedgerPostingV1 | null;
  /** The group's name when the event was written (absent from events written before it was added). */
  groupName?: string;
  /** The user who recorded (or, for an update, changed) the expense; null if their account is gone. */
  actorUserId?: string | null;
  /** Users of every active member when the event was written, the actor included. */
  memberUserIds?: string[];
}

export interface GroupExpenseDeletedV1 {
  groupId: string;
  expenseId: string;
}

export interface GroupSettlementRecordedV1 {
  groupId: string;
  settlementId: string;
  fromMemberId: string;
  toMemberId: string;
  amountMinor: string;
  currency: string;
  /** YYYY-MM-DD. */
  date: string;
  posting: GroupLedgerPostingV1 | null;
}

/** Payloads on `groups.expense.v1`, by event type. */
export type GroupsExpenseEvents = {
  [GROUP_EXPENSE_RECORDED]: GroupExpenseV1;
  [GROUP_EXPENSE_UPDATED]: GroupExpenseV1;
  [GROUP_EXPENSE_DELETED]: GroupExpenseDeletedV1;
  [GROUP_SETTLEMENT_RECORDED]: GroupSettlementRecordedV1;
};

/** Key = group id. Group savings goals. */
export const GROUPS_SAVINGS_TOPIC = "groups.savings.v1" as const;

/** A goal or its saved amount changed (live subscribers re-read it). */
export const GROUP_SAVINGS_GOAL_UPDATED = "GroupSavingsGoalUpdated" as const;
/** Fired once per goal, the first time saved reaches the target. */
export const GROUP_SAVINGS_GOAL_REACHED = "GroupSavingsGoalReached" as const;

export interface GroupSavingsGoalUpdatedV1 {
  goalId: string;
  groupId: string;
}

export interface GroupSavingsGoalReachedV1 {
  goalId: string;
  groupId: string;
  name: string;
  targetMinor: string;
  savedMinor: string;
  currency: string;
  reachedAt: string;
  /** The group's name (absent from events written before it was added). */
  groupName?: string;
  /** The user whose contribution reached the target. */
  actorUserId?: string;
  /** Users of every active member when the goal was reached, the actor included. */
  memberUserIds?: string[];
}

/** Payloads on `groups.savings.v1`, by event type. */
export type GroupsSavingsEvents = {
  [GROUP_SAVINGS_GOAL_UPDATED]: GroupSavingsGoalUpdatedV1;
  [GROUP_SAVINGS_GOAL_REACHED]: GroupSavingsGoalReachedV1;
};

/** Every groups topic and what it carries. */
export type GroupsTopics = {
  [GROUPS_GROUP_TOPIC]: GroupsGroupEvents;
  [GROUPS_EXPENSE_TOPIC]: GroupsExpenseEvents;
  [GROUPS_SAVINGS_TOPIC]: GroupsSavingsEvents;
};
