/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddGroupExpenseInput = {
  /** Positive. */
  amount: MoneyInput;
  /** YYYY-MM-DD. */
  date: string;
  /** 1 to 200 characters. */
  description: string;
  /** Required when amount is not in the group's currency: group-currency units per 1 unit of it. */
  exchangeRate?: string | null | undefined;
  groupId: string | number;
  /** Retrying with the same key and input returns the first expense. */
  idempotencyKey?: string | null | undefined;
  /** One of your own ledger accounts, in the expense's currency: the ledger books what you paid on it. NOT_FOUND when it is not yours (one created a moment ago can take a few seconds to reach groups: retry). */
  ledgerAccountId?: string | number | null | undefined;
  paidBy: Array<GroupPayerInput>;
  split: GroupSplitInput;
};

export type AddGroupMemberInput = {
  /** A person without an account (yet): 1 to 60 characters. */
  displayName: string;
  groupId: string | number;
};

export type CreateGroupInput = {
  /** ISO-4217; balances, settlements and savings goals are kept in it. */
  currency: string;
  /** How you appear to the others (1 to 60 characters); "Owner" when left out. */
  displayName?: string | null | undefined;
  /** 1 to 100 characters. */
  name: string;
};

export type CreateGroupSavingsGoalInput = {
  /** YYYY-MM-DD, today or later. */
  deadline?: string | null | undefined;
  groupId: string | number;
  /** 1 to 100 characters. */
  name: string;
  /** Positive, in the group's currency. */
  target: MoneyInput;
};

export type GroupPayerInput = {
  /** Decimal in the expense's currency; the payers add up to the amount. */
  amount: string;
  memberId: string | number;
};

/** OWNER: one per group, archives it and gives roles. ADMIN: invites, renames, removes members. MEMBER: everything else. */
export type GroupRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

export type GroupSavingsGoalMovementInput = {
  /** Positive, in the goal's currency. */
  amount: MoneyInput;
  goalId: string | number;
  /** Retrying with the same key and input moves the money once. */
  idempotencyKey?: string | null | undefined;
  note?: string | null | undefined;
};

/** REACHED: saved ≥ target. ON_TRACK: no deadline, or saved at least the straight-line share due by today. BEHIND otherwise. */
export type GroupSavingsGoalStatus =
  | 'BEHIND'
  | 'ON_TRACK'
  | 'REACHED';

export type GroupSplitInput = {
  mode: SplitMode;
  /** Who shares the expense; each member once. */
  parts: Array<GroupSplitPartInput>;
};

export type GroupSplitPartInput = {
  memberId: string | number;
  /** Per mode: ignored (EQUAL), a weight (SHARES), an amount (EXACT), basis points (PERCENT). */
  value?: string | null | undefined;
};

export type LoginInput = {
  email: string;
  password: string;
};

export type MoneyInput = {
  /** Decimal string, e.g. "12.30". */
  amount: string;
  /** ISO-4217 currency code. */
  currency: string;
};

export type RecordSettlementInput = {
  /** Positive, in the group's currency. More than is owed is allowed: the balances flip. */
  amount: MoneyInput;
  /** YYYY-MM-DD. */
  date: string;
  fromMemberId: string | number;
  groupId: string | number;
  idempotencyKey?: string | null | undefined;
  /** One of your own ledger accounts, in the group's currency: money out when you are paying, in when you are paid. */
  ledgerAccountId?: string | number | null | undefined;
  note?: string | null | undefined;
  toMemberId: string | number;
};

export type RegisterInput = {
  /** ISO-4217 code ("EUR") of the currency net worth, budgets and reports are counted in; amounts in other currencies are converted at your exchange rates. Left out: USD. Change it later with updateFinancialPreferences. */
  baseCurrency?: string | null | undefined;
  displayName: string;
  email: string;
  /** At least 12 characters, not a common password. */
  password: string;
};

/** EQUAL: the same for each part (value ignored). SHARES: in proportion to each value ("1", "1.5"). EXACT: each value an amount, adding up to the expense. PERCENT: each value in basis points, adding up to 10000. */
export type SplitMode =
  | 'EQUAL'
  | 'EXACT'
  | 'PERCENT'
  | 'SHARES';

export type SessionTokensFragment = { accessToken: string, refreshToken: string, expiresAt: string };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { login:
    | { __typename: 'AuthPayload', accessToken: string, refreshToken: string, expiresAt: string }
    | { __typename: 'MfaChallenge', challenge: string, expiresAt: string }
   };

export type VerifyMfaCodeMutationVariables = Exact<{
  challenge: string;
  code: string;
}>;


export type VerifyMfaCodeMutation = { verifyMfa: { accessToken: string, refreshToken: string, expiresAt: string } };

export type RegisterUserMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterUserMutation = { register: { accessToken: string, refreshToken: string, expiresAt: string } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { logout: boolean };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { me: { id: string, email: string, displayName: string, locale: string, timezone: string, preferences: { baseCurrency: string } } | null };

export type GroupPageMemberFragment = { id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number };

export type GroupPageGoalFragment = { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> };

export type GroupPageGroupFragment = { id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, me: { id: string }, members: Array<{ id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number }>, balances: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, settlementPlan: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, latestExpense: { id: string, updatedAt: string } | null, settlements: Array<{ id: string, date: string, amount: { amount: string, currency: string }, from: { id: string, displayName: string }, to: { id: string, displayName: string } }>, savingsGoals: Array<{ id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> }> };

export type GroupPageDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupPageDetailQuery = { group: { id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, me: { id: string }, members: Array<{ id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number }>, balances: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, settlementPlan: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, latestExpense: { id: string, updatedAt: string } | null, settlements: Array<{ id: string, date: string, amount: { amount: string, currency: string }, from: { id: string, displayName: string }, to: { id: string, displayName: string } }>, savingsGoals: Array<{ id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> }> } | null };

export type GroupPageExpensesQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupPageExpensesQuery = { group: { id: string, expenses: { nodes: Array<{ id: string, description: string, date: string, splitMode: SplitMode, amount: { amount: string, currency: string }, groupAmount: { amount: string, currency: string }, paidBy: Array<{ member: { displayName: string } }> }> } } | null };

export type GroupPageGroupUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GroupPageGroupUpdatedSubscription = { groupUpdated: { id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, me: { id: string }, members: Array<{ id: string, displayName: string, role: GroupRole, isPlaceholder: boolean, isMe: boolean, position: number }>, balances: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, settlementPlan: Array<{ from: { id: string, displayName: string }, to: { id: string, displayName: string }, amount: { amount: string, currency: string } }>, latestExpense: { id: string, updatedAt: string } | null, settlements: Array<{ id: string, date: string, amount: { amount: string, currency: string }, from: { id: string, displayName: string }, to: { id: string, displayName: string } }>, savingsGoals: Array<{ id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> }> } | null };

export type GroupPageGoalUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GroupPageGoalUpdatedSubscription = { groupSavingsGoalUpdated: { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> } | null };

export type GroupPageAddMemberMutationVariables = Exact<{
  input: AddGroupMemberInput;
}>;


export type GroupPageAddMemberMutation = { addGroupMember: { id: string } };

export type GroupPageRemoveMemberMutationVariables = Exact<{
  groupId: string | number;
  memberId: string | number;
}>;


export type GroupPageRemoveMemberMutation = { removeGroupMember: { id: string } };

export type GroupPageCreateInviteMutationVariables = Exact<{
  groupId: string | number;
}>;


export type GroupPageCreateInviteMutation = { createGroupInvite: { id: string, code: string | null, expiresAt: string } };

export type GroupPageAddExpenseMutationVariables = Exact<{
  input: AddGroupExpenseInput;
}>;


export type GroupPageAddExpenseMutation = { addGroupExpense: { id: string } };

export type GroupPageDeleteExpenseMutationVariables = Exact<{
  id: string | number;
}>;


export type GroupPageDeleteExpenseMutation = { deleteGroupExpense: { id: string, deleted: boolean } };

export type GroupPageRecordSettlementMutationVariables = Exact<{
  input: RecordSettlementInput;
}>;


export type GroupPageRecordSettlementMutation = { recordSettlement: { id: string } };

export type GroupPageCreateGoalMutationVariables = Exact<{
  input: CreateGroupSavingsGoalInput;
}>;


export type GroupPageCreateGoalMutation = { createGroupSavingsGoal: { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> } };

export type GroupPageContributeMutationVariables = Exact<{
  input: GroupSavingsGoalMovementInput;
}>;


export type GroupPageContributeMutation = { contributeToGroupSavingsGoal: { id: string, name: string, progressPercent: number, deadline: string | null, status: GroupSavingsGoalStatus, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, contributions: Array<{ member: { id: string, displayName: string }, amount: { amount: string, currency: string } }> } };

export type GroupsPageListQueryVariables = Exact<{ [key: string]: never; }>;


export type GroupsPageListQuery = { groups: Array<{ id: string, name: string, currency: string, archived: boolean, myRole: GroupRole, members: Array<{ id: string }>, me: { id: string, balance: { amount: string, currency: string } | null } }> };

export type GroupsPageCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type GroupsPageCreateMutation = { createGroup: { id: string, name: string } };

export type GroupsPageJoinMutationVariables = Exact<{
  code: string;
  displayName?: string | null | undefined;
}>;


export type GroupsPageJoinMutation = { joinGroup: { id: string, name: string } };

export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const GroupPageMemberFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPlaceholder"}},{"kind":"Field","name":{"kind":"Name","value":"isMe"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]} as unknown as DocumentNode<GroupPageMemberFragment, unknown>;
export const GroupPageGoalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageGoal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupSavingsGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<GroupPageGoalFragment, unknown>;
export const GroupPageGroupFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageGroup"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"myRole"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPageMember"}}]}},{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"settlementPlan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestExpense"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"settlements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"savingsGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"GroupPageGoal"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isPlaceholder"}},{"kind":"Field","name":{"kind":"Name","value":"isMe"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"GroupPageGoal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupSavingsGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progressPercent"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<GroupPageGroupFragment, unknown>;
export const SignInDocument = {"__meta__":{"documentId":"sha256:f568cc7de2e1a1292b6e9642edef65c3b3b836c0940b21014529fca4c0247bb2"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const VerifyMfaCodeDocument = {"__meta__":{"documentId":"sha256:35c8b1fd64c5c1db95a090cabc32a7e513676607460aef0ec8c8b9b1509d0776"}} as unknown as DocumentNode<VerifyMfaCodeMutation, VerifyMfaCodeMutationVariables>;
export const RegisterUserDocument = {"__meta__":{"documentId":"sha256:d0d26e3e3759c921b44efc85a3e2262ca2de8a5e2c595046890d7a1cd6e641cb"}} as unknown as DocumentNode<RegisterUserMutation, RegisterUserMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"documentId":"sha256:4d0edf70c9a73426f5f211ace935c5821f0ff95b5933aa84163bbdb81f8faae3"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"documentId":"sha256:bdee6123ce886c87c81f1d4d9c7cb5ce6672e7885895c44b70ed3b5fe754ec74"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = {"__meta__":{"documentId":"sha256:6b8010cfc15f32372ca6a500926763883ef10f038b64a75f4ffbdced568a6234"}} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const GroupPageDetailDocument = {"__meta__":{"documentId":"sha256:6935b48575cc1f4a89c6894d359b9d5a8cdab7bf8c5dd34654af32da4cad4911"}} as unknown as DocumentNode<GroupPageDetailQuery, GroupPageDetailQueryVariables>;
export const GroupPageExpensesDocument = {"__meta__":{"documentId":"sha256:3e5259656f2e3f4f9b65e39c303b3205dc2cde8ca08a87443991df74adc27ecd"}} as unknown as DocumentNode<GroupPageExpensesQuery, GroupPageExpensesQueryVariables>;
export const GroupPageGroupUpdatedDocument = {"__meta__":{"documentId":"sha256:6192de5a6f55d8e7b3a4c438c6140962e6fcf4ec7d43fba18ed8eb451403357b"}} as unknown as DocumentNode<GroupPageGroupUpdatedSubscription, GroupPageGroupUpdatedSubscriptionVariables>;
export const GroupPageGoalUpdatedDocument = {"__meta__":{"documentId":"sha256:99e6802097534f98136f47d49e57356f6ffaaf0b5e5a8ee8dea37b0b50881967"}} as unknown as DocumentNode<GroupPageGoalUpdatedSubscription, GroupPageGoalUpdatedSubscriptionVariables>;
export const GroupPageAddMemberDocument = {"__meta__":{"documentId":"sha256:bebca50b1ea2f80b536732dc89be820a2c754f98a3da0ae773be53b3dddf66c4"}} as unknown as DocumentNode<GroupPageAddMemberMutation, GroupPageAddMemberMutationVariables>;
export const GroupPageRemoveMemberDocument = {"__meta__":{"documentId":"sha256:eecfce67f141ce7989dd82e1776e9ef46c43abaa9d3638e0b980266da9736933"}} as unknown as DocumentNode<GroupPageRemoveMemberMutation, GroupPageRemoveMemberMutationVariables>;
export const GroupPageCreateInviteDocument = {"__meta__":{"documentId":"sha256:0402bc75924935df562a859a3f38b1abafccaf06a6e45cb98d76f2852aa0c4d6"}} as unknown as DocumentNode<GroupPageCreateInviteMutation, GroupPageCreateInviteMutationVariables>;
export const GroupPageAddExpenseDocument = {"__meta__":{"documentId":"sha256:cf4401a8d5b911ea1d7560faa0e48c9eea206a5d37d68a08845d57d867d88121"}} as unknown as DocumentNode<GroupPageAddExpenseMutation, GroupPageAddExpenseMutationVariables>;
export const GroupPageDeleteExpenseDocument = {"__meta__":{"documentId":"sha256:a0572e6cc9791c98a838db0bd1442f060e96442f1510d44d4599d14dd4ff93d3"}} as unknown as DocumentNode<GroupPageDeleteExpenseMutation, GroupPageDeleteExpenseMutationVariables>;
export const GroupPageRecordSettlementDocument = {"__meta__":{"documentId":"sha256:0b0a5e2c8061f2d6f6c24df967c562d6331bc581b63213f7230bc6e368228937"}} as unknown as DocumentNode<GroupPageRecordSettlementMutation, GroupPageRecordSettlementMutationVariables>;
export const GroupPageCreateGoalDocument = {"__meta__":{"documentId":"sha256:759f3db0b6b1beb05a955fedb107d1ec24c2fbabcaea81876a7f13e196a56250"}} as unknown as DocumentNode<GroupPageCreateGoalMutation, GroupPageCreateGoalMutationVariables>;
export const GroupPageContributeDocument = {"__meta__":{"documentId":"sha256:c8621a1173134e7434b171bf8d596561b744e414884e29d86cbdf3b742dd6089"}} as unknown as DocumentNode<GroupPageContributeMutation, GroupPageContributeMutationVariables>;
export const GroupsPageListDocument = {"__meta__":{"documentId":"sha256:10a1863de2a2d066abebd2d0357dc1ce70468b92d315e8da4065f45015230cc2"}} as unknown as DocumentNode<GroupsPageListQuery, GroupsPageListQueryVariables>;
export const GroupsPageCreateDocument = {"__meta__":{"documentId":"sha256:b42e06f1fe3b81e453e42309e0a197259709f2028c5d843924fbb608c81c6623"}} as unknown as DocumentNode<GroupsPageCreateMutation, GroupsPageCreateMutationVariables>;
export const GroupsPageJoinDocument = {"__meta__":{"documentId":"sha256:253ee786dffa4584937d4d47400c3f930f5ff168deeba1e6e0ca5e9efedd013b"}} as unknown as DocumentNode<GroupsPageJoinMutation, GroupsPageJoinMutationVariables>;