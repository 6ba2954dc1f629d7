/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountType =
  | 'CASH'
  | 'CHECKING'
  | 'CREDIT_CARD'
  | 'INVESTMENT_CASH'
  | 'LOAN'
  | 'SAVINGS';

/** WARNING: the warning threshold (BudgetThresholdReached); CRITICAL: the critical one (BudgetExceeded). */
export type BudgetAlertLevel =
  | 'CRITICAL'
  | 'WARNING';

/** Aligned to the user's first day of week and month start day. */
export type BudgetPeriod =
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'WEEKLY'
  | 'YEARLY';

export type BudgetStatus =
  | 'EXCEEDED'
  | 'ON_TRACK'
  | 'WARNING';

export type CategoryKind =
  | 'EXPENSE'
  | 'INCOME';

export type CreateAccountInput = {
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  name: string;
  /** Its currency is the account's. Negative for money owed (credit card, loan). */
  openingBalance: MoneyInput;
  /** YYYY-MM-DD. */
  openingDate: string;
  type: AccountType;
};

export type CreateBudgetInput = {
  /** Per period, in the base currency. */
  amount: MoneyInput;
  /** Expense categories (their subcategories included); [] for every expense. */
  categoryIds: Array<string | number>;
  /** 1-1000 %. */
  criticalPercent?: number | null | undefined;
  name: string;
  period: BudgetPeriod;
  rollover?: RolloverMode | null | undefined;
  /** A day in the first period (default today); rollover counts from there. */
  startDate?: string | null | undefined;
  /** 1-1000 %. */
  warningPercent?: number | null | undefined;
};

export type CreateSavingsGoalInput = {
  /** One of your ledger accounts, where the money is kept. NOT_FOUND when it is not one of your accounts (one created a moment ago can take a few seconds to reach budgets: retry); BAD_USER_INPUT when it is archived. */
  linkedAccountId?: string | number | null | undefined;
  /** 1 to 100 characters. */
  name: string;
  /** Positive, in your base currency. */
  target: MoneyInput;
  /** YYYY-MM-DD, today or later. */
  targetDate?: string | null | undefined;
};

/** Calendar days, both included (YYYY-MM-DD, 1900–2100), at most twenty years. */
export type DateRangeInput = {
  from: string;
  to: string;
};

/** BORROWED: you owe the contact. LENT: the contact owes you. */
export type LoanDirection =
  | 'BORROWED'
  | 'LENT';

/** OVERDUE while any installment is; PAID_OFF once nothing is owed; WRITTEN_OFF when given up (both take no payments). */
export type LoanStatus =
  | 'ACTIVE'
  | 'OVERDUE'
  | 'PAID_OFF'
  | 'WRITTEN_OFF';

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

export type RegisterInput = {
  /** ISO-4217 code ("EUR") of the currency net worth, budgets and reports are counted in; amounts in other currencies are converted at your exchange rates. Left out: USD. Change it later with updateFinancialPreferences. */
  baseCurrency?: string | null | undefined;
  displayName: string;
  email: string;
  /** At least 12 characters, not a common password. */
  password: string;
};

/** NONE: each period starts fresh. LEFTOVER: an unspent remainder carries forward. ENVELOPE: remainder and overspend both carry. */
export type RolloverMode =
  | 'ENVELOPE'
  | 'LEFTOVER'
  | 'NONE';

/** REACHED: saved ≥ target. ON_TRACK: no target date, or saved at least the straight-line share due by today. BEHIND otherwise. */
export type SavingsGoalStatus =
  | 'BEHIND'
  | 'ON_TRACK'
  | 'REACHED';

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

export type AccountsPageListQueryVariables = Exact<{
  includeArchived: boolean;
}>;


export type AccountsPageListQuery = { accounts: Array<{ id: string, name: string, type: AccountType, currency: string, archived: boolean, openingDate: string, balance: { amount: string, currency: string } }> };

export type AccountsPageCreateMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type AccountsPageCreateMutation = { createAccount: { id: string } };

export type AccountsPageRenameMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type AccountsPageRenameMutation = { renameAccount: { id: string, name: string } };

export type AccountsPageArchiveMutationVariables = Exact<{
  id: string | number;
}>;


export type AccountsPageArchiveMutation = { archiveAccount: { id: string, archived: boolean } };

export type AccountsPageUnarchiveMutationVariables = Exact<{
  id: string | number;
}>;


export type AccountsPageUnarchiveMutation = { unarchiveAccount: { id: string, archived: boolean } };

export type BudgetsPageBudgetFragment = { id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } };

export type BudgetsPageBudgetsQueryVariables = Exact<{
  includeArchived: boolean;
}>;


export type BudgetsPageBudgetsQuery = { budgets: Array<{ id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } }> };

export type BudgetsPageBudgetUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageBudgetUpdatedSubscription = { budgetUpdated: { id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } } };

export type BudgetsPageCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetsPageCategoriesQuery = { categories: Array<{ id: string, name: string, kind: CategoryKind, parentId: string | null }> };

export type BudgetsPageCreateBudgetMutationVariables = Exact<{
  input: CreateBudgetInput;
}>;


export type BudgetsPageCreateBudgetMutation = { createBudget: { id: string, name: string, period: BudgetPeriod, currency: string, allExpenses: boolean, archived: boolean, warningPercent: number, criticalPercent: number, amount: { amount: string, currency: string }, categories: Array<{ id: string, name: string }>, progress: { periodStart: string, periodEnd: string, percentUsed: number, daysRemaining: number, status: BudgetStatus, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, remaining: { amount: string, currency: string } } } };

export type BudgetsPageArchiveBudgetMutationVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageArchiveBudgetMutation = { archiveBudget: { id: string, archived: boolean } };

export type BudgetsPageUnarchiveBudgetMutationVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageUnarchiveBudgetMutation = { unarchiveBudget: { id: string, archived: boolean } };

export type BudgetsPageGoalFragment = { id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null };

export type BudgetsPageGoalsQueryVariables = Exact<{ [key: string]: never; }>;


export type BudgetsPageGoalsQuery = { savingsGoals: Array<{ id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null }> };

export type BudgetsPageGoalUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageGoalUpdatedSubscription = { savingsGoalUpdated: { id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null } | null };

export type BudgetsPageCreateGoalMutationVariables = Exact<{
  input: CreateSavingsGoalInput;
}>;


export type BudgetsPageCreateGoalMutation = { createSavingsGoal: { id: string, name: string, archived: boolean, status: SavingsGoalStatus, percent: number, targetDate: string | null, target: { amount: string, currency: string }, saved: { amount: string, currency: string }, remaining: { amount: string, currency: string }, requiredPerMonth: { amount: string, currency: string } | null } };

export type BudgetsPageContributeMutationVariables = Exact<{
  id: string | number;
  amount: MoneyInput;
  idempotencyKey?: string | null | undefined;
}>;


export type BudgetsPageContributeMutation = { contributeToGoal: { id: string } };

export type BudgetsPageWithdrawMutationVariables = Exact<{
  id: string | number;
  amount: MoneyInput;
  idempotencyKey?: string | null | undefined;
}>;


export type BudgetsPageWithdrawMutation = { withdrawFromGoal: { id: string } };

export type BudgetsPageArchiveGoalMutationVariables = Exact<{
  id: string | number;
}>;


export type BudgetsPageArchiveGoalMutation = { archiveSavingsGoal: { id: string, archived: boolean } };

export type OverviewNetWorthQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type OverviewNetWorthQuery = { me: { id: string, netWorth: { amount: string, currency: string } | null } | null, netWorthHistory: { currency: string, leftOut: number, netWorth: Array<{ date: string, value: string }> } };

export type OverviewSpendingQueryVariables = Exact<{
  range: DateRangeInput;
}>;


export type OverviewSpendingQuery = { spendingByCategory: { currency: string, total: { amount: string, currency: string }, categories: Array<{ categoryId: string | null, name: string, sharePercent: string | null, amount: { amount: string, currency: string } }> } };

export type OverviewBudgetFragment = { id: string, name: string, warningPercent: number, criticalPercent: number, progress: { percentUsed: number, spent: { amount: string, currency: string }, available: { amount: string, currency: string } } };

export type OverviewBudgetsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewBudgetsQuery = { budgets: Array<{ id: string, name: string, warningPercent: number, criticalPercent: number, progress: { percentUsed: number, spent: { amount: string, currency: string }, available: { amount: string, currency: string } } }> };

export type OverviewBudgetUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type OverviewBudgetUpdatedSubscription = { budgetUpdated: { id: string, name: string, warningPercent: number, criticalPercent: number, progress: { percentUsed: number, spent: { amount: string, currency: string }, available: { amount: string, currency: string } } } };

export type OverviewUpcomingQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewUpcomingQuery = { upcomingBills: Array<{ dueDate: string, recurring: { id: string, payee: string, amount: { amount: string, currency: string } } }>, loans: Array<{ id: string, name: string, direction: LoanDirection, status: LoanStatus, nextDue: { number: number, dueDate: string, amountDue: { amount: string, currency: string } } | null }> };

export type OverviewNotificationFragment = { id: string, title: string, body: string, link: string | null, createdAt: string };

export type OverviewNotificationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewNotificationsQuery = { unreadNotificationCount: number, notifications: { nodes: Array<{ id: string, title: string, body: string, link: string | null, createdAt: string }> } };

export type OverviewNotificationReceivedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewNotificationReceivedSubscription = { notificationReceived: { id: string, title: string, body: string, link: string | null, createdAt: string } };

export type OverviewBudgetAlertFragment = { id: string, level: BudgetAlertLevel, createdAt: string, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, budget: { id: string, name: string } | null };

export type OverviewBudgetAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewBudgetAlertsQuery = { budgetAlerts: Array<{ id: string, level: BudgetAlertLevel, createdAt: string, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, budget: { id: string, name: string } | null }> };

export type OverviewBudgetAlertFiredSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewBudgetAlertFiredSubscription = { budgetAlerts: { id: string, level: BudgetAlertLevel, createdAt: string, spent: { amount: string, currency: string }, available: { amount: string, currency: string }, budget: { id: string, name: string } | null } };

export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const BudgetsPageBudgetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BudgetsPageBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Budget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"allExpenses"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"warningPercent"}},{"kind":"Field","name":{"kind":"Name","value":"criticalPercent"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"percentUsed"}},{"kind":"Field","name":{"kind":"Name","value":"daysRemaining"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BudgetsPageBudgetFragment, unknown>;
export const BudgetsPageGoalFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BudgetsPageGoal"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavingsGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"targetDate"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"saved"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"remaining"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredPerMonth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<BudgetsPageGoalFragment, unknown>;
export const OverviewBudgetFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewBudget"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Budget"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"warningPercent"}},{"kind":"Field","name":{"kind":"Name","value":"criticalPercent"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percentUsed"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewBudgetFragment, unknown>;
export const OverviewNotificationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewNotification"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"link"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OverviewNotificationFragment, unknown>;
export const OverviewBudgetAlertFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OverviewBudgetAlert"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BudgetAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"spent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"available"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OverviewBudgetAlertFragment, unknown>;
export const SignInDocument = {"__meta__":{"documentId":"sha256:f568cc7de2e1a1292b6e9642edef65c3b3b836c0940b21014529fca4c0247bb2"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const VerifyMfaCodeDocument = {"__meta__":{"documentId":"sha256:35c8b1fd64c5c1db95a090cabc32a7e513676607460aef0ec8c8b9b1509d0776"}} as unknown as DocumentNode<VerifyMfaCodeMutation, VerifyMfaCodeMutationVariables>;
export const RegisterUserDocument = {"__meta__":{"documentId":"sha256:d0d26e3e3759c921b44efc85a3e2262ca2de8a5e2c595046890d7a1cd6e641cb"}} as unknown as DocumentNode<RegisterUserMutation, RegisterUserMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"documentId":"sha256:4d0edf70c9a73426f5f211ace935c5821f0ff95b5933aa84163bbdb81f8faae3"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"documentId":"sha256:bdee6123ce886c87c81f1d4d9c7cb5ce6672e7885895c44b70ed3b5fe754ec74"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = {"__meta__":{"documentId":"sha256:6b8010cfc15f32372ca6a500926763883ef10f038b64a75f4ffbdced568a6234"}} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const AccountsPageListDocument = {"__meta__":{"documentId":"sha256:5f1ed609f6aabe654110954c3692c6272b07d2c3eeffea620bd32bb11c4fa693"}} as unknown as DocumentNode<AccountsPageListQuery, AccountsPageListQueryVariables>;
export const AccountsPageCreateDocument = {"__meta__":{"documentId":"sha256:77ca8524124a61e98722899f9979c8690c0bd6dbac1dd24f8b9c18e394538613"}} as unknown as DocumentNode<AccountsPageCreateMutation, AccountsPageCreateMutationVariables>;
export const AccountsPageRenameDocument = {"__meta__":{"documentId":"sha256:84e0f07bda3905a732e92c705a5b04a4071f73f07d847785743e869933d95ba3"}} as unknown as DocumentNode<AccountsPageRenameMutation, AccountsPageRenameMutationVariables>;
export const AccountsPageArchiveDocument = {"__meta__":{"documentId":"sha256:644484278ea74b1a5f54aa26fd3775fc16994c1d8ebe6c38804b45c4bd701b96"}} as unknown as DocumentNode<AccountsPageArchiveMutation, AccountsPageArchiveMutationVariables>;
export const AccountsPageUnarchiveDocument = {"__meta__":{"documentId":"sha256:1e0de7aa7c114d6f0a8e3a8e3f79f473bb3db175ccb750bc40cc0c077858c045"}} as unknown as DocumentNode<AccountsPageUnarchiveMutation, AccountsPageUnarchiveMutationVariables>;
export const BudgetsPageBudgetsDocument = {"__meta__":{"documentId":"sha256:7d19c5deaefbcfcfb9a6e7a80c0c504e5c4b2bbd4478dc0fd106ddf9c7fffa41"}} as unknown as DocumentNode<BudgetsPageBudgetsQuery, BudgetsPageBudgetsQueryVariables>;
export const BudgetsPageBudgetUpdatedDocument = {"__meta__":{"documentId":"sha256:7807b341b2b91fb862a6deaaa9ca3ce308a471e1884b10e9560be58a69d48c45"}} as unknown as DocumentNode<BudgetsPageBudgetUpdatedSubscription, BudgetsPageBudgetUpdatedSubscriptionVariables>;
export const BudgetsPageCategoriesDocument = {"__meta__":{"documentId":"sha256:0a21c5215b69faf0ded85863fc757bbdf3b7fe42e1754bac64a46586388ecb75"}} as unknown as DocumentNode<BudgetsPageCategoriesQuery, BudgetsPageCategoriesQueryVariables>;
export const BudgetsPageCreateBudgetDocument = {"__meta__":{"documentId":"sha256:9d4441e85e875c8c58cff00f51a1642d5a8888ccda5d641e00df1e7bc79697cb"}} as unknown as DocumentNode<BudgetsPageCreateBudgetMutation, BudgetsPageCreateBudgetMutationVariables>;
export const BudgetsPageArchiveBudgetDocument = {"__meta__":{"documentId":"sha256:b3e1fbd1d4aec9b23c081b328ea285d36c1a134380f8c65eea8693af2c2ed3e8"}} as unknown as DocumentNode<BudgetsPageArchiveBudgetMutation, BudgetsPageArchiveBudgetMutationVariables>;
export const BudgetsPageUnarchiveBudgetDocument = {"__meta__":{"documentId":"sha256:bf65e6be9bcc337400114bfa93189fd2e6a2b3a08823033bc757f7366682e55b"}} as unknown as DocumentNode<BudgetsPageUnarchiveBudgetMutation, BudgetsPageUnarchiveBudgetMutationVariables>;
export const BudgetsPageGoalsDocument = {"__meta__":{"documentId":"sha256:2ed73cd50c5f39bd2c8206933a038fdc93e61579faac9416bb7a796d59ada571"}} as unknown as DocumentNode<BudgetsPageGoalsQuery, BudgetsPageGoalsQueryVariables>;
export const BudgetsPageGoalUpdatedDocument = {"__meta__":{"documentId":"sha256:2539a752860a5cbd65816c8033a68207617d6fbcfd494e5c4ee686c5acb7aec5"}} as unknown as DocumentNode<BudgetsPageGoalUpdatedSubscription, BudgetsPageGoalUpdatedSubscriptionVariables>;
export const BudgetsPageCreateGoalDocument = {"__meta__":{"documentId":"sha256:3c6303c9f70402e7c542ea6aa6f08b42710fcca47656248de32fdfe8795b74bb"}} as unknown as DocumentNode<BudgetsPageCreateGoalMutation, BudgetsPageCreateGoalMutationVariables>;
export const BudgetsPageContributeDocument = {"__meta__":{"documentId":"sha256:21119833f95a7cdf0e62b197ac3d7dfe73eeb45984bdb393afa9f35bb339d47c"}} as unknown as DocumentNode<BudgetsPageContributeMutation, BudgetsPageContributeMutationVariables>;
export const BudgetsPageWithdrawDocument = {"__meta__":{"documentId":"sha256:e1a4b1043871d8a331ab140fe800e6802d48b807c6f1984844faf534cee8b9dd"}} as unknown as DocumentNode<BudgetsPageWithdrawMutation, BudgetsPageWithdrawMutationVariables>;
export const BudgetsPageArchiveGoalDocument = {"__meta__":{"documentId":"sha256:3a659209344391d67a472c00f88902d6226e1469b27a1bda1540835c40af23de"}} as unknown as DocumentNode<BudgetsPageArchiveGoalMutation, BudgetsPageArchiveGoalMutationVariables>;
export const OverviewNetWorthDocument = {"__meta__":{"documentId":"sha256:dcae6f6c464b275ddedcb8e14ecbc0bee14489a97b530b7b3c54b1f1692b03e7"}} as unknown as DocumentNode<OverviewNetWorthQuery, OverviewNetWorthQueryVariables>;
export const OverviewSpendingDocument = {"__meta__":{"documentId":"sha256:be1fd924430b5b444b53380b8bbc9f7da55e4f1357963098ae7270ca4c41703b"}} as unknown as DocumentNode<OverviewSpendingQuery, OverviewSpendingQueryVariables>;
export const OverviewBudgetsDocument = {"__meta__":{"documentId":"sha256:e4fc45a6451d18492c49dfd6d1c695cd60b15825b17546df887d84c63e3bd11a"}} as unknown as DocumentNode<OverviewBudgetsQuery, OverviewBudgetsQueryVariables>;
export const OverviewBudgetUpdatedDocument = {"__meta__":{"documentId":"sha256:603a234dd270129c90cdbac58f7f46512063f6b952f02040f9adc0ca40b39d9a"}} as unknown as DocumentNode<OverviewBudgetUpdatedSubscription, OverviewBudgetUpdatedSubscriptionVariables>;
export const OverviewUpcomingDocument = {"__meta__":{"documentId":"sha256:ec9de5cf04a94d05af9a4d86a85c9ba90b0c68471205a5e2d9903e1ce50f4075"}} as unknown as DocumentNode<OverviewUpcomingQuery, OverviewUpcomingQueryVariables>;
export const OverviewNotificationsDocument = {"__meta__":{"documentId":"sha256:acf36b8c58d31fd46acdf47aceaa1ef140a4d19381cdb94c8adb7b93ffb6f936"}} as unknown as DocumentNode<OverviewNotificationsQuery, OverviewNotificationsQueryVariables>;
export const OverviewNotificationReceivedDocument = {"__meta__":{"documentId":"sha256:8acf20cce80fedbc55be4c5ec3a7cb937ac5cb01fd7d6267c1d5ce8c59ad8b88"}} as unknown as DocumentNode<OverviewNotificationReceivedSubscription, OverviewNotificationReceivedSubscriptionVariables>;
export const OverviewBudgetAlertsDocument = {"__meta__":{"documentId":"sha256:e6e1c9e7a7584850eb378f6ce4e42da0f7768669b2aca460818b0629ce2b5856"}} as unknown as DocumentNode<OverviewBudgetAlertsQuery, OverviewBudgetAlertsQueryVariables>;
export const OverviewBudgetAlertFiredDocument = {"__meta__":{"documentId":"sha256:98583d94cc32f0a0f0b232ddd3ede3186a94a7cef6611e59ab95d52251fc32bb"}} as unknown as DocumentNode<OverviewBudgetAlertFiredSubscription, OverviewBudgetAlertFiredSubscriptionVariables>;