import { createHash } from "node:crypto";

import type { Logger } from "pino";

import type { Caller, ClientInfo } from "../../platform/auth/caller.js";
import type { KeyValueStore } from "../../platform/cache/index.js";
import { TtlCache } from "../auth/ttl-cache.js";
import type { RateLimits } from "./rate-limit.config.js";

/** Whose budget a request spends. */
export interface RateLimitBucket {
  readonly kind: "user" | "apiKey" | "ip";
  readonly id: string;
  readonly limit: number;
}

/** Why a request was refused, for the RATE_LIMITED answer. */
export interface RateLimitRefusal {
  /** Until the bucket's window ends; at least 1. */
  readonly retryAfterSeconds: number;
  readonly limit: number;
  readonly cost: number;
}

export interface RateLimiterOptions {
  /** Shared between gateway instances (Redis) so they enforce one budget. */
  store: KeyValueStore;
  limits: RateLimits;
  logger: Logger;
  /** Epoch ms, for the local memory of blocked IPs; tests pin it. */
  now?: () => number;
}

const retryAfter = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000));

/** IPs (possibly IPv6) are hashed into keys, so a key never holds ':' from the address or raw PII. */
const ipKey = (ip: string) => createHash("sha256").update(ip).digest("base64url").slice(0, 22);

/**
 * Fixed-window budgets of cost units in the shared store (`incrBy` with the window as TTL): one per
 * API key, one per signed-in user, one per IP for anonymous callers. An operation is charged its
 * cost before it runs; if that takes the bucket over its limit the charge is handed back and the
 * operation refused, so a refused request costs nothing and a smaller one may still fit.
 *
 * If the store is unreachable the request is let through (and logged): a Redis outage should not
 * take the API down with it, and the per-request cost ceiling still holds.
 */
export class RateLimiter {
  private readonly blockedIps: TtlCache<string, number>;
  private lastStoreWarning = 0;

  constructor(private readonly options: RateLimiterOptions) {
    // A local copy of "this IP is over its failed-key limit": refusing from memory keeps a flood of
    // random keys off identity and Redis alike. Bounded; an evicted entry only costs one lookup.
    this.blockedIps = new TtlCache({ maxEntries: 10_000, ttlMs: options.limits.windowMs, now: options.now });
  }

  get limits(): RateLimits {
    return this.options.limits;
  }

  /** The bucket a caller's operations are charged to, or undefined when nothing identifies one. */
  bucketFor(caller: Caller, client: ClientInfo): RateLimitBucket | undefined {
    const { limits } = this.options;
    if (caller.apiKeyId) return { kind: "apiKey", id: caller.apiKeyId, limit: limits.apiKey };
    if (caller.userId) return { kind: "user", id: caller.userId, limit: limits.user };
    if (client.ip) return { kind: "ip", id: ipKey(client.ip), limit: limits.ip };
    return undefined;
  }

  /** Spends `cost` units (at least 1: even an empty operation is a request) from the bucket. */
  async charge(bucket: RateLimitBucket, cost: number): Promise<RateLimitRefusal | null> {
    if (bucket.limit === 0) return null;
    const units = Math.max(1, Math.ceil(cost));
    const key = `ratelimit:${bucket.kind}:${bucket.id}`;
    try {
      const { value, ttlMs } = await this.options.store.incrBy(key, units, this.options.limits.windowMs);
      if (value <= bucket.limit) return null;
      await this.options.store.incrBy(key, -units, this.options.limits.windowMs);
      return { retryAfterSeconds: retryAfter(ttlMs), limit: bucket.limit, cost: units };
    } catch (error) {
      this.storeFailed(error);
      return null;
    }
  }

  /** While an IP is over its failed API-key limit: seconds until it may try again. */
  failedApiKeyBlock(ip: string): number | undefined {
    const until = this.blockedIps.get(ip);
    const now = this.options.now?.() ?? Date.now();
    return until !== undefined && until > now ? retryAfter(until - now) : undefined;
  }

  /**
   * Counts a refused API key from `ip`. Once the shared count reaches the limit this instance blocks
   * the IP for the rest of the window; other instances follow on their next failure from it.
   */
  async recordFailedApiKey(ip: string): Promise<void> {
    const limit = this.options.limits.failedApiKeysPerIp;
    if (limit === 0) return;
    try {
      const { value, ttlMs } = await this.options.store.incrBy(`ratelimit:apikey-failures:${ipKey(ip)}`, 1, this.options.limits.windowMs);
      if (value >= limit) this.blockedIps.set(ip, (this.options.now?.() ?? Date.now()) + ttlMs);
    } catch (error) {
      this.storeFailed(error);
    }
  }

  private storeFailed(error: unknown): void {
    const now = Date.now();
    // Once a minute is enough to page someone; once a request would bury the log.
    if (now - this.lastStoreWarning < 60_000) return;
    this.lastStoreWarning = now;
    this.options.logger.warn({ err: error }, "rate limits not enforced: the store is unreachable");
  }
}
