import type { Caller } from "./caller.js";

/**
 * Response extension with which the identity subgraph tells the gateway whom a mutation just signed
 * in (register, login, MFA completion, external login, refresh), so the rest of the same request's
 * query plan (e.g. `register { user { accounts } }`, resolved by the ledger) runs as that user.
 *
 * The gateway believes it from the identity subgraph only, and never passes it to clients.
 */
export const SIGNED_IN_EXTENSION = "monetaSignedIn";

/** The extension's JSON. */
export interface SignedInExtension {
  userId: string;
  sessionId: string;
  scopes: string[];
  /** When the access token expires, ms since epoch. */
  expiresAt?: number;
}

export function signedInExtension(caller: Caller): SignedInExtension {
  if (!caller.userId || !caller.sessionId) throw new Error("a sign-in names a user and a session");
  return { userId: caller.userId, sessionId: caller.sessionId, scopes: [...caller.scopes], expiresAt: caller.expiresAt };
}

/** The signed-in caller from a subgraph response's `extensions`; undefined when absent or malformed. */
export function signedInCallerOf(extensions: unknown): Caller | undefined {
  const value = (extensions as Record<string, unknown> | null | undefined)?.[SIGNED_IN_EXTENSION];
  if (value === null || typeof value !== "object") return undefined;
  const { userId, sessionId, scopes, expiresAt } = value as Record<string, unknown>;
  if (typeof userId !== "string" || userId === "" || typeof sessionId !== "string" || sessionId === "") return undefined;
  if (!Array.isArray(scopes) || !scopes.every((scope): scope is string => typeof scope === "string")) return undefined;
  return { userId, sessionId, scopes, expiresAt: typeof expiresAt === "number" && Number.isFinite(expiresAt) ? expiresAt : undefined };
}
