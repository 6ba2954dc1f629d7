import type { KeyValueStore } from "../../../platform/cache/index.js";
import type { IdentityConfig } from "../identity.config.js";

export type Attempt = { allowed: true } | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

const key = (userId: string) => `mfa:attempts:${userId}`;

/**
 * Wrong MFA codes per user, in the shared cache. A six-digit code falls to brute force without a
 * limit, and the limit must hold across aliased mutations in one request, concurrent requests and
 * gateway instances: so every attempt is counted (atomically) BEFORE its code is checked, and a
 * right code gives its count back afterwards. Checking first and counting failures later would let
 * N simultaneous guesses all pass the check.
 */
export class MfaThrottle {
  constructor(
    private readonly cache: KeyValueStore,
    private readonly config: IdentityConfig["throttle"],
  ) {}

  /** Counts one attempt; refused once the user is over the limit, whatever the code. */
  async attempt(userId: string): Promise<Attempt> {
    const { value, ttlMs } = await this.cache.incrBy(key(userId), 1, this.config.windowMinutes * 60_000);
    if (value <= this.config.mfaFailures) return { allowed: true };
    return { allowed: false, retryAfterMs: ttlMs, firstRefusal: value === this.config.mfaFailures + 1 };
  }

  /** Gives back the count of an attempt whose code was right: only wrong codes use up the limit. */
  async succeeded(userId: string): Promise<void> {
    const { value } = await this.cache.incrBy(key(userId), -1, this.config.windowMinutes * 60_000);
    // The window ended between the two calls, so the decrement created a fresh counter below zero,
    // which would grant extra guesses in the next window.
    if (value < 0) await this.cache.delete(key(userId));
  }

  /** Milliseconds until the user may try again, or null when not over the limit (nothing counted). */
  async retryAfter(userId: string): Promise<number | null> {
    const value = Number((await this.cache.get(key(userId))) ?? 0);
    if (value <= this.config.mfaFailures) return null;
    return (await this.cache.ttl(key(userId))) ?? null;
  }
}
