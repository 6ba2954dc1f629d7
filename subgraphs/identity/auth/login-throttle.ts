import { createHash } from "node:crypto";

import type { KeyValueStore } from "../../../platform/cache/index.js";
import { ClientError, ErrorCode } from "../../../platform/errors/index.js";
import type { IdentityConfig } from "../identity.config.js";

export const rateLimited = (retryAfterMs: number) =>
  new ClientError(ErrorCode.RATE_LIMITED, "too many attempts; try again later", {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

/** Keys by a hash of the e-mail, so the cache never holds addresses and unknown ones count the same. */
const accountKey = (email: string) => createHash("sha256").update(email).digest("base64url").slice(0, 32);

/**
 * Failed-login throttle per account and per IP, in the shared cache (Redis in production). After
 * too many failures the account is locked for a while, whether or not it exists, so the answer
 * tells an attacker nothing; the lock lifts by itself when its TTL runs out.
 */
export class LoginThrottle {
  constructor(
    private readonly cache: KeyValueStore,
    private readonly config: IdentityConfig["throttle"],
  ) {}

  /** Throws RATE_LIMITED while the account or the IP is locked out. */
  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    const lockTtl = await this.cache.ttl(`login:lock:${accountKey(email)}`);
    if (lockTtl !== null) throw rateLimited(lockTtl);
    if (ip) {
      const ipCount = Number((await this.cache.get(`login:ip:${ip}`)) ?? 0);
      if (ipCount >= this.config.ipFailures)
        throw rateLimited((await this.cache.ttl(`login:ip:${ip}`)) ?? this.config.windowMinutes * 60_000);
    }
  }

  /** Counts a failure; returns the lock's end when this failure locked the account. */
  async recordFailure(email: string, ip: string | undefined, now: Date): Promise<Date | undefined> {
    const windowMs = this.config.windowMinutes * 60_000;
    if (ip) await this.cache.incrBy(`login:ip:${ip}`, 1, windowMs);
    const { value } = await this.cache.incrBy(`login:fail:${accountKey(email)}`, 1, windowMs);
    if (value < this.config.accountFailures) return undefined;
    const lockMs = this.config.lockoutMinutes * 60_000;
    const locked = await this.cache.set(`login:lock:${accountKey(email)}`, "1", { ttlMs: lockMs, onlyIfAbsent: true });
    await this.cache.delete(`login:fail:${accountKey(email)}`);
    return locked ? new Date(now.getTime() + lockMs) : undefined;
  }

  async recordSuccess(email: string): Promise<void> {
    await this.cache.delete(`login:fail:${accountKey(email)}`);
  }

  /** Lifts a lockout early: the owner proved control of the account another way (password reset). */
  async unlock(email: string): Promise<void> {
    await this.cache.delete(`login:lock:${accountKey(email)}`);
    await this.cache.delete(`login:fail:${accountKey(email)}`);
  }

  /** When the account's lockout ends, if it is locked: shown to the owner. */
  async lockedUntil(email: string, now: Date): Promise<Date | null> {
    const ttl = await this.cache.ttl(`login:lock:${accountKey(email)}`);
    return ttl === null ? null : new Date(now.getTime() + ttl);
  }
}
