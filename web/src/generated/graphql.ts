/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type LoginInput = {
  email: string;
  password: string;
};

export type RegisterInput = {
  /** ISO-4217 code ("EUR") of the currency net worth, budgets and reports are counted in; amounts in other currencies are converted at your exchange rates. Left out: USD. Change it later with updateFinancialPreferences. */
  baseCurrency?: string | null | undefined;
  displayName: string;
  email: string;
  /** At least 12 characters, not a common password. */
  password: string;
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

export const SessionTokensFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionTokens"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode<SessionTokensFragment, unknown>;
export const SignInDocument = {"__meta__":{"documentId":"sha256:f568cc7de2e1a1292b6e9642edef65c3b3b836c0940b21014529fca4c0247bb2"}} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const VerifyMfaCodeDocument = {"__meta__":{"documentId":"sha256:35c8b1fd64c5c1db95a090cabc32a7e513676607460aef0ec8c8b9b1509d0776"}} as unknown as DocumentNode<VerifyMfaCodeMutation, VerifyMfaCodeMutationVariables>;
export const RegisterUserDocument = {"__meta__":{"documentId":"sha256:d0d26e3e3759c921b44efc85a3e2262ca2de8a5e2c595046890d7a1cd6e641cb"}} as unknown as DocumentNode<RegisterUserMutation, RegisterUserMutationVariables>;
export const RefreshSessionDocument = {"__meta__":{"documentId":"sha256:4d0edf70c9a73426f5f211ace935c5821f0ff95b5933aa84163bbdb81f8faae3"}} as unknown as DocumentNode<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const SignOutDocument = {"__meta__":{"documentId":"sha256:bdee6123ce886c87c81f1d4d9c7cb5ce6672e7885895c44b70ed3b5fe754ec74"}} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ViewerDocument = {"__meta__":{"documentId":"sha256:6b8010cfc15f32372ca6a500926763883ef10f038b64a75f4ffbdced568a6234"}} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;