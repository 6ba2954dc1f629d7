/**
 * The identity events the ledger consumes, as published on `identity.user.v1`. Declared here,
 * not imported: subgraphs share event contracts, never code.
 */
export const IDENTITY_USER_TOPIC = "identity.user.v1";

export interface UserPreferencesV1 {
  baseCurrency: string;
}

/** `UserRegistered` and `UserPreferencesChanged` v1 (the fields the ledger reads). */
export interface UserPreferencesEventV1 {
  userId: string;
  preferences: UserPreferencesV1;
}
