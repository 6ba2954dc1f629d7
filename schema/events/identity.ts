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

import type { NotificationPreferencesV1 } from "./notifications.js";

/** Key = user id. A user's account: registration, preferences, deletion. */
export const IDENTITY_USER_TOPIC = "identity.user.v1" as const;

export const USER_REGISTERED = "UserRegistered" as const;
export const USER_PREFERENCES_CHANGED = "UserPreferencesChanged" as const;
export const USER_DELETED = "UserDeleted" as const;
/** Where and how to reach the user: published on registration and whenever any of it changes. */
export const NOTIFICATION_SETTINGS_CHANGED = "NotificationSettingsChanged" as const;

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

/**
 * What notifications need to reach the user. The address travels only to the notification sender;
 * e-mail is sent only once it is verified.
 */
export interface NotificationSettingsChangedV1 {
  userId: string;
  email: string;
  emailVerified: boolean;
  locale: string;
  timezone: string;
  preferences: NotificationPreferencesV1;
}

/** Payloads on `identity.user.v1`, by event type. */
export type IdentityUserEvents = {
  [USER_REGISTERED]: UserRegisteredV1;
  [USER_PREFERENCES_CHANGED]: UserPreferencesChangedV1;
  [USER_DELETED]: UserDeletedV1;
  [NOTIFICATION_SETTINGS_CHANGED]: NotificationSettingsChangedV1;
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

/** Key = user id. What the user should hear about their account's security. */
export const IDENTITY_SECURITY_TOPIC = "identity.security.v1" as const;

/** A sign-in (password, MFA, external login, not a token refresh). */
export const SIGNED_IN = "SignedIn" as const;
/** MFA was turned on or off. */
export const MFA_CHANGED = "MfaChanged" as const;

export interface SignedInV1 {
  userId: string;
  sessionId: string;
  /** ISO instant. */
  at: string;
  method: "PASSWORD" | "MFA" | "EXTERNAL";
  ipAddress: string | null;
  userAgent: string | null;
  /** No earlier session of this user came from this user agent and network. */
  newDevice: boolean;
}

export interface MfaChangedV1 {
  userId: string;
  enabled: boolean;
  /** ISO instant. */
  at: string;
}

/** Payloads on `identity.security.v1`, by event type. */
export type IdentitySecurityEvents = {
  [SIGNED_IN]: SignedInV1;
  [MFA_CHANGED]: MfaChangedV1;
};

/**
 * Key = user id. Sessions ended before their time (sign-out everywhere, an operator's lock or
 * forced sign-out): access tokens are stateless, so the gateway consumes this to refuse the
 * ended sessions' tokens at once instead of letting them run to their expiry.
 */
export const IDENTITY_SESSION_TOPIC = "identity.session.v1" as const;

export const SESSIONS_REVOKED = "SessionsRevoked" as const;

export interface SessionsRevokedV1 {
  userId: string;
  sessionIds: string[];
  /** ISO instant. */
  revokedAt: string;
  /** e.g. "logout", "revoked-all-by-user", "locked-by-operator". */
  reason: string;
}

/** Payloads on `identity.session.v1`, by event type. */
export type IdentitySessionEvents = {
  [SESSIONS_REVOKED]: SessionsRevokedV1;
};

/** Every identity topic and what it carries. */
export type IdentityTopics = {
  [IDENTITY_USER_TOPIC]: IdentityUserEvents;
  [IDENTITY_API_KEY_TOPIC]: IdentityApiKeyEvents;
  [IDENTITY_SECURITY_TOPIC]: IdentitySecurityEvents;
  [IDENTITY_SESSION_TOPIC]: IdentitySessionEvents;
};
