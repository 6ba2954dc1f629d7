/**
 * identity's event contract: the topics it publishes, their event types and each type's payload.
 * Producer (subgraphs/identity) and consumers (ledger, budgets, the gateway, platform's user
 * deletion) all import it from here, so a change that breaks a reader fails `npm run typecheck`.
 *
 * `schema/` holds the contracts between parts of the system, and any layer may import it (platform
 * and the gateway included) because it contains no code: only names, literal constants and types.
 * Keep it that way: no logic here, and no imports but type-only ones of the other contract files.
 * A payload type never changes incompatibly: a breaking change is a new `...V2` on a new topic.
 */

/** Key = user id. A user's account: registration, preferences, deletion. */
export const IDENTITY_USER_TOPIC = "identity.user.v1" as const;

export const USER_REGISTERED = "UserRegistered" as const;
export const USER_PREFERENCES_CHANGED = "UserPreferencesChanged" as const;
export const USER_DELETED = "UserDeleted" as const;

/** Financial preferences other subgraphs need (budget periods, base currency). */
export interface UserPreferencesV1 {
  baseCurrency: string;
  timezone: string;
  locale: string;
  firstDayOfWeek: number;
  monthStartDay: number;
  salaryDay: number | null;
}

export interface UserRegisteredV1 {
  userId: string;
  preferences: UserPreferencesV1;
}

export interface UserPreferencesChangedV1 {
  userId: string;
  preferences: UserPreferencesV1;
}

/** Every subgraph that stores user data purges it on this event. */
export interface UserDeletedV1 {
  userId: string;
}

/** Payloads on `identity.user.v1`, by event type. */
export type IdentityUserEvents = {
  [USER_REGISTERED]: UserRegisteredV1;
  [USER_PREFERENCES_CHANGED]: UserPreferencesChangedV1;
  [USER_DELETED]: UserDeletedV1;
};

/** Key = user id. The gateway consumes it to drop a revoked key from its cache at once. */
export const IDENTITY_API_KEY_TOPIC = "identity.apikey.v1" as const;

export const API_KEY_CREATED = "ApiKeyCreated" as const;
export const API_KEY_REVOKED = "ApiKeyRevoked" as const;

/** No secret and no hash ever travel in events. */
export interface ApiKeyCreatedV1 {
  keyId: string;
  userId: string;
  prefix: string;
  scopes: string[];
  safelistOnly: boolean;
  createdAt: string;
}

export interface ApiKeyRevokedV1 {
  keyId: string;
  userId: string;
  prefix: string;
  revokedAt: string;
}

/** Payloads on `identity.apikey.v1`, by event type. */
export type IdentityApiKeyEvents = {
  [API_KEY_CREATED]: ApiKeyCreatedV1;
  [API_KEY_REVOKED]: ApiKeyRevokedV1;
};

/** Every identity topic and what it carries. */
export type IdentityTopics = {
  [IDENTITY_USER_TOPIC]: IdentityUserEvents;
  [IDENTITY_API_KEY_TOPIC]: IdentityApiKeyEvents;
};
