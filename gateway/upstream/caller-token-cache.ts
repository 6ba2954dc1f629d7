import type { CryptoKey } from "jose";

import type { Caller, ClientInfo } from "../../platform/auth/caller.js";
import { InternalTokenSigner } from "../../platform/auth/internal-token.js";
import { TtlCache } from "../auth/ttl-cache.js";

export interface CallerTokenCacheOptions {
  /** Callers whose token is kept; the least recently used makes room. */
  maxEntries?: number;
  /**
   * How long one token is handed out. Tokens live 60 s; reuse stops well before that so a token
   * picked up at the end of its reuse still outlives the slowest query plan.
   */
  reuseMs?: number;
  /** Clock for reuse expiry; tokens themselves are always stamped with real time. */
  now?: () => number;
}

/**
 * An `InternalTokenSigner` that signs each distinct caller (user, scopes, API key, session, client
 * IP and user agent: every claim but the trace id) once per `reuseMs` instead of once per request:
 * Ed25519 signing was the largest single cost of a request after the subgraph fetches.
 *
 * The `tid` claim of a reused token names the request that minted it; the trace id of each
 * request travels in the `x-trace-id` header, which is what subgraphs log and put in events.
 */
export class CachingInternalTokenSigner extends InternalTokenSigner {
  private readonly tokens: TtlCache<string, Promise<string>>;

  constructor(privateKey: CryptoKey, options: CallerTokenCacheOptions = {}) {
    super(privateKey);
    this.tokens = new TtlCache({ maxEntries: options.maxEntries ?? 10_000, ttlMs: options.reuseMs ?? 40_000, now: options.now });
  }

  override sign(caller: Caller, traceId: string, client: ClientInfo = {}): Promise<string> {
    const key = `${caller.userId ?? ""}\u0000${caller.apiKeyId ?? ""}\u0000${caller.sessionId ?? ""}\u0000${caller.scopes.join(" ")}\u0000${client.ip ?? ""}\u0000${client.userAgent ?? ""}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    // The promise is cached, so a burst of requests from one caller signs once.
    const token = super.sign(caller, traceId, client);
    this.tokens.set(key, token);
    token.catch(() => this.tokens.delete(key));
    return token;
  }
}
