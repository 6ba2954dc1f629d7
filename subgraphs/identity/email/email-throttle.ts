import { createHash } from "node:crypto";

import type { KeyValueStore } from "../../../platform/cache/index.js";
import { rateLimited } from "../auth/login-throttle.js";

const HOUR = 3_600_000;

/** Keys by a hash of the address, so the cache never holds addresses and unknown ones count the same. */
export const addressKey = (email: string) => createHash("sha256").update(email).digest("base64url").slice(0, 32);

/**
 * A fixed one-hour window per subject (user, address, IP) in the shared cache. Every call counts,
 * the refused ones too, so hammering does not reopen the window early.
 */
export class HourlyLimit {
  constructor(
    private readonly cache: KeyValueStore,
    private readonly name: string,
    private readonly limit: number,
  ) {}

  /** Counts one request; throws RATE_LIMITED once the subject is over the limit for this hour. */
  async hit(subject: string): Promise<void> {
    const { value, ttlMs } = await this.cache.incrBy(`${this.name}:${subject}`, 1, HOUR);
    if (value > this.limit) throw rateLimited(ttlMs);
  }
}
