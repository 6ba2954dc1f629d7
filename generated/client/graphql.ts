/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type SplitInput = {
  /** Signed like the transaction; the splits add up to its amount. */
  amount: MoneyInput;
  /** Null: uncategorised. */
  categoryId?: string | number | null | undefined;
  memo?: string | null | undefined;
};

export type TransactionStatus =
  | 'CLEARED'
  | 'PENDING'
  | 'RECONCILED';

export type MeQueryVariables = Exact<{
  month: string;
}>;


export type MeQuery = { me: { id: string, displayName: string, monthlySpending: Array<{ amount: string, currency: string }> } | null };

export type RecentTransactionsQueryVariables = Exact<{
  first?: number;
}>;


export type RecentTransactionsQuery = { transactions: { nodes: Array<{ id: string, date: string, payee: string, amount: { amount: string, currency: string }, owner: { displayName: string } }> } };

export type PostTransactionMutationVariables = Exact<{
  input: PostTransactionInput;
}>;


export type PostTransactionMutation = { postTransaction: { id: string, date: string, amount: { amount: string, currency: string } } };


export const MeDocument = {"__meta__":{"documentId":"sha256:f6330ca62f6706cd907fcb1eaf1d0204bd67f7cb08f2097aebdbb1724d9ac486"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpending"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const RecentTransactionsDocument = {"__meta__":{"documentId":"sha256:1a73012451c221de1c3bc1c6ed85da2dceae07f50bba1e8fa909ed85929d5290"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentTransactions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"payee"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecentTransactionsQuery, RecentTransactionsQueryVariables>;
export const PostTransactionDocument = {"__meta__":{"documentId":"sha256:af9511cfe68460c509fc84e32e5bff416e9513a87c9cbc3336787df4596167cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PostTransaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostTransactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postTransaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<PostTransactionMutation, PostTransactionMutationVariables>;