import type { IncomingMessage } from "node:http";

import type { Caller } from "../../platform/auth/caller.js";
import type { Authenticator } from "./authenticator.js";
import { TtlCache } from "./ttl-cache.js";

export interface CachingAuthenticatorOptions {
  /** Distinct access tokens remembered; the least recently used makes room. */
  maxEntries?: number;
  /** How long one verification is trusted (never past the token's own expiry). */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Remembers verified access tokens, keyed by the exact Authorization header, so a client sending
 * the same token request after request pays for one EdDSA verification per `maxAgeMs` instead of
 * one per request. Access tokens are stateless (nothing revokes one before it expires), so a
 * remembered verification answers exactly what a new one would until the token's `exp`, which is
 * checked on every hit. Failures are never remembered; API keys go to the inner authenticator,
 * which has its own cache and revocation.
 */
export function cachingAuthenticator(inner: Authenticator, options: CachingAuthenticatorOptions = {}): Authenticator {
  const now = options.now ?? Date.now;
  const verified = new TtlCache<string, Caller>({ maxEntries: options.maxEntries ?? 10_000, ttlMs: options.maxAgeMs ?? 60_000, now });
  return {
    async authenticate(req: IncomingMessage): Promise<Caller> {
      const authorization = req.headers.authorization;
      if (!authorization || req.headers["x-api-key"] !== undefined) return inner.authenticate(req);
      const cached = verified.get(authorization);
      if (cached && (cached.expiresAt === undefined || cached.expiresAt > now())) return cached;
      const caller = await inner.authenticate(req);
      if (!caller.userId) return caller;
      // Shared by every request with this token from now on: nobody may change it.
      const shared = Object.freeze({ ...caller, scopes: Object.freeze([...caller.scopes]) });
      verified.set(authorization, shared);
      return shared;
    },
  };
}
