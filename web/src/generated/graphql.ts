/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Compares the size of amounts, whatever their sign, in one currency. */
export type AmountRangeInput = {
  currency: string;
  /** Decimal, inclusive. */
  max?: string | null | undefined;
  /** Decimal, inclusive. */
  min?: string | null | undefined;
};

export type CategoryKind =
  | 'EXPENSE'
  | 'INCOME';

/** Columns by header name, or by 0-based index written as digits. */
export type CsvMappingInput = {
  /** A signed amount column; or give debit and credit. */
  amount?: string | null | undefined;
  /** The bank's own id per row, when the export has one: the surest duplicate check. */
  bankTransactionId?: string | null | undefined;
  /** Money in. */
  credit?: string | null | undefined;
  date: string;
  /** e.g. yyyy-MM-dd, dd/MM/yyyy, MM/dd/yyyy, dd.MM.yyyy, yyyyMMdd. */
  dateFormat: string;
  /** Money out. */
  debit?: string | null | undefined;
  /** "." (default) or ",". */
  decimalSeparator?: string | null | undefined;
  /** ",", ";" or a tab; default ",". */
  delimiter?: string | null | undefined;
  /** Default true. */
  hasHeader?: boolean | null | undefined;
  /** For banks that print money out as positive. */
  invertSign?: boolean | null | undefined;
  memo?: string | null | undefined;
  payee?: string | null | undefined;
};

/** OFX also reads QFX. */
export type ImportFormat =
  | 'CSV'
  | 'OFX';

/** QUEUED (accepted, waiting for its job) → RUNNING → COMPLETED, or FAILED (the rows imported before the failure stay). */
export type ImportStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type ImportTransactionsInput = {
  accountId: string | number;
  /** The file's text. */
  content: string;
  format: ImportFormat;
  idempotencyKey?: string | null | undefined;
  /** Required for CSV. */
  mapping?: CsvMappingInput | null | undefined;
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

export type PostTransactionInput = {
  accountId: string | number;
  /** Negative for money out (expense), positive for money in (income); in the account's currency. */
  amount: MoneyInput;
  /** One category for the whole amount. Leave it out (with no splits) to let rules choose. */
  categoryId?: string | number | null | undefined;
  /** Calendar date, YYYY-MM-DD, 1900-2100, not before the account's opening date. */
  date: string;
  /** Retrying with the same key returns the first result; kept at least 24 hours. */
  idempotencyKey?: string | null | undefined;
  notes?: string | null | undefined;
  payee?: string | null | undefined;
  /** Several categories; they add up to the amount. */
  splits?: Array<SplitInput> | null | undefined;
  /** Default CLEARED; RECONCILED locks it. */
  status?: TransactionStatus | null | undefined;
  tags?: Array<string> | null | undefined;
};

export type RegisterInput = {
  /** ISO-4217 code ("EUR") of the currency net worth, budgets and reports are counted in; amounts in other currencies are converted at your exchange rates. Left out: USD. Change it later with updateFinancialPreferences. */
  baseCurrency?: string | null | undefined;
  displayName: string;
  email: string;
  /** At least 12 characters, not a common password. */
  password: string;
};

export type SplitInput = {
  /** Signed like the transaction; the splits add up to its amount. */
  amount: MoneyInput;
  /** Null: uncategorised. */
  categoryId?: string | number | null | undefined;
  memo?: string | null | undefined;
};

export type TransactionFilter = {
  /** On any of these accounts (as source or destination). */
  accountIds?: Array<string | number> | null | undefined;
  amount?: AmountRangeInput | null | undefined;
  /** With a line in any of these categories or their subcategories. */
  categoryIds?: Array<string | number> | null | undefined;
  /** YYYY-MM-DD, inclusive. */
  dateFrom?: string | null | undefined;
  /** YYYY-MM-DD, inclusive. */
  dateTo?: string | null | undefined;
  /** true: only deleted transactions (to restore them). Default: only live ones. */
  deleted?: boolean | null | undefined;
  kinds?: Array<TransactionKind> | null | undefined;
  /** Payees containing this text (any case: "super", "market" and "MARKET" find "Supermarket"), or full-text search over payee and notes (web-search syntax: words, "phrases", -not). */
  search?: string | null | undefined;
  statuses?: Array<TransactionStatus> | null | undefined;
  /** Having every one of these tags. */
  tags?: Array<string> | null | undefined;
  /** Only income/expenses with an uncategorised line. */
  uncategorized?: boolean | null | undefined;
};

export type TransactionKind =
  | 'EXPENSE'
  | 'INCOME'
  | 'TRANSFER';

export type TransactionStatus =
  | 'CLEARED'
  | 'PENDING'
  | 'RECONCILED';

/** Only the fields given change. categoryId or splits replace the category lines; a new amount on a split transaction needs new splits. */
export type UpdateTransactionInput = {
  /** Income/expense only: move to another account of the amount's currency. */
  accountId?: string | number | null | undefined;
  amount?: MoneyInput | null | undefined;
  categoryId?: string | number | null | undefined;
  date?: string | null | undefined;
  notes?: string | null | undefined;
  payee?: string | null | undefined;
  splits?: Array<SplitInput> | null | undefined;
  status?: TransactionStatus | null | undefined;
  tags?: Array<string> | null | undefined;
  /** Transfers across currencies: what arrived. */
  toAmount?: MoneyInput | null | undefined;
};

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

export type TransactionsPageRowFragment = { id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> };

export type TransactionsPageListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: TransactionFilter | null | undefined;
}>;


export type TransactionsPageListQuery = { transactions: { nodes: Array<{ id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TransactionsPageOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type TransactionsPageOptionsQuery = { accounts: Array<{ id: string, name: string, currency: string }>, categories: Array<{ id: string, name: string, kind: CategoryKind, parentId: string | null }> };

export type TransactionsPagePostMutationVariables = Exact<{
  input: PostTransactionInput;
}>;


export type TransactionsPagePostMutation = { postTransaction: { id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> } };

export type TransactionsPageUpdateMutationVariables = Exact<{
  id: string | number;
  input: UpdateTransactionInput;
}>;


export type TransactionsPageUpdateMutation = { updateTransaction: { id: string, kind: TransactionKind, date: string, payee: string, notes: string, tags: Array<string>, status: TransactionStatus, locked: boolean, deleted: boolean, amount: { amount: string, currency: string }, account: { id: string, name: string, currency: string } | null, toAccount: { id: string, name: string } | null, category: { id: string, name: string } | null, splits: Array<{ memo: string, amount: { amount: string, currency: string }, category: { id: string, name: string } | null }> } };

export type TransactionsPageDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageDeleteMutation = { deleteTransaction: { id: string, payee: string, deleted: boolean } };

export type TransactionsPageRestoreMutationVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageRestoreMutation = { restoreTransaction: { id: string, deleted: boolean } };

export type TransactionsPagePostedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TransactionsPagePostedSubscription = { transactionPosted: { id: string } };

export type TransactionsPageImportFieldsFragment = { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> };

export type TransactionsPageImportMutationVariables = Exact<{
  input: ImportTransactionsInput;
}>;


export type TransactionsPageImportMutation = { importTransactions: { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> } };

export type TransactionsPageImportBatchQueryVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageImportBatchQuery = { importBatch: { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> } | null };

export type TransactionsPageImportUpdatedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type TransactionsPageImportUpdatedSubscription = { importUpdated: { id: string, format: ImportFormat, status: ImportStatus, totalRows: number, rowsDone: number, imported: number, duplicates: number, failed: number, errors: Array<{ row: number, code: string, message: string }> } };

export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const TransactionsPageRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionsPageRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"splits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memo"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<TransactionsPageRowFragment, unknown>;
export const TransactionsPageImportFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransactionsPageImportFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportBatch"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TransactionsPageImportFieldsFragment, unknown>;
export const SignInDocument = {"__meta__":{"documentId":"sha256:f568cc7de2e1a1292b6e9642edef65c3b3b836c0940b21014529fca4c0247bb2"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const VerifyMfaCodeDocument = {"__meta__":{"documentId":"sha256:35c8b1fd64c5c1db95a090cabc32a7e513676607460aef0ec8c8b9b1509d0776"}} as unknown as DocumentNode<VerifyMfaCodeMutation, VerifyMfaCodeMutationVariables>;
export const RegisterUserDocument = {"__meta__":{"documentId":"sha256:d0d26e3e3759c921b44efc85a3e2262ca2de8a5e2c595046890d7a1cd6e641cb"}} as unknown as DocumentNode<RegisterUserMutation, RegisterUserMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"documentId":"sha256:4d0edf70c9a73426f5f211ace935c5821f0ff95b5933aa84163bbdb81f8faae3"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"documentId":"sha256:bdee6123ce886c87c81f1d4d9c7cb5ce6672e7885895c44b70ed3b5fe754ec74"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = {"__meta__":{"documentId":"sha256:6b8010cfc15f32372ca6a500926763883ef10f038b64a75f4ffbdced568a6234"}} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const TransactionsPageListDocument = {"__meta__":{"documentId":"sha256:c67ce2ba6758cb92a7b91f9f40edd8783c7528373f9b7f7aabcf020f2b268e28"}} as unknown as DocumentNode<TransactionsPageListQuery, TransactionsPageListQueryVariables>;
export const TransactionsPageOptionsDocument = {"__meta__":{"documentId":"sha256:9891396abe5677e15c1812720dc26eb9b1e3527fd44f854452ba08fc807545d2"}} as unknown as DocumentNode<TransactionsPageOptionsQuery, TransactionsPageOptionsQueryVariables>;
export const TransactionsPagePostDocument = {"__meta__":{"documentId":"sha256:6d44081d0be0191e889d30c11d0256384bf3ffa6f5147c1b5ca2642a204fc0a8"}} as unknown as DocumentNode<TransactionsPagePostMutation, TransactionsPagePostMutationVariables>;
export const TransactionsPageUpdateDocument = {"__meta__":{"documentId":"sha256:b83f34a76d2102af3344fc353d283b0d459122beba43383369994b786c461278"}} as unknown as DocumentNode<TransactionsPageUpdateMutation, TransactionsPageUpdateMutationVariables>;
export const TransactionsPageDeleteDocument = {"__meta__":{"documentId":"sha256:7e705614746764a5f1c567c099c6c37847a25620ba6b6ce377654ac05e16926c"}} as unknown as DocumentNode<TransactionsPageDeleteMutation, TransactionsPageDeleteMutationVariables>;
export const TransactionsPageRestoreDocument = {"__meta__":{"documentId":"sha256:3187c8383f554dac26bbe73cca22bb36f8b1ad454c184080bf5f069f77f90f19"}} as unknown as DocumentNode<TransactionsPageRestoreMutation, TransactionsPageRestoreMutationVariables>;
export const TransactionsPagePostedDocument = {"__meta__":{"documentId":"sha256:4c3b22dd4f84314a3801efb8905a80a4522a83517bdc62c7b6c0c99623223b7e"}} as unknown as DocumentNode<TransactionsPagePostedSubscription, TransactionsPagePostedSubscriptionVariables>;
export const TransactionsPageImportDocument = {"__meta__":{"documentId":"sha256:ae0edfcb8c17aa2662c96ee44e36d073693e5d02434e7523a99217640b84e71d"}} as unknown as DocumentNode<TransactionsPageImportMutation, TransactionsPageImportMutationVariables>;
export const TransactionsPageImportBatchDocument = {"__meta__":{"documentId":"sha256:4a1233e5c52993dd33ef66530e0f5bc47b14e68d4b000d4c41399af13e6801c8"}} as unknown as DocumentNode<TransactionsPageImportBatchQuery, TransactionsPageImportBatchQueryVariables>;
export const TransactionsPageImportUpdatedDocument = {"__meta__":{"documentId":"sha256:0b1e989f9350794bc213e144e4873f4f71cc8029de16c6458acba419ede3d6ed"}} as unknown as DocumentNode<TransactionsPageImportUpdatedSubscription, TransactionsPageImportUpdatedSubscriptionVariables>;