/**
 * Key-value store used for throttling, lockouts, rate limits, persisted-query
 * caching and one-time-use markers. Two adapters implement it: an in-memory
 * one (single process) and a Redis one (shared between processes).
 */

/** Source of the current time in epoch milliseconds; injected so tests can pin it. */
export interface Clock {
  now(): number;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => Date.now() };

/** Options for {@link KeyValueStore.set}. */
export interface SetOptions {
  /** Time to live in milliseconds (> 0; fractions round up). Omitted: the key never expires. */
  ttlMs?: number;
  /** Write only when the key does not exist; the basis of single-use markers. */
  onlyIfAbsent?: boolean;
}

/** Result of {@link KeyValueStore.incrBy}. */
export interface CounterState {
  /** Counter value after the increment. */
  value: number;
  /** Milliseconds until the counter's window ends; usable as retry-after. Always > 0. */
  ttlMs: number;
}

/**
 * String key-value store with per-key expiry. Every key is stored under the
 * namespace prefix the store was constructed with (`<prefix>:<key>`), so two
 * stores with different prefixes never see each other's keys.
 *
 * All methods report failures (including an unreachable backend or a closed
 * store) as rejected promises.
 */
export interface KeyValueStore {
  /** Namespace prepended to every key. */
  readonly prefix: string;

  /** The value, or null when the key is absent or expired. */
  get(key: string): Promise<string | null>;

  /**
   * Stores `value`, replacing any existing value and its TTL (a write without
   * `ttlMs` makes the key persistent).
   * @returns false only when `onlyIfAbsent` is set and the key already exists.
   */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;

  /** Removes the key. @returns whether it existed. */
  delete(key: string): Promise<boolean>;

  /**
   * Atomically adds `amount` (a safe integer, may be negative) to an integer
   * counter, creating it at 0 first. The TTL is set only when the counter has
   * none (it was just created, or was written by `set` without a TTL): later
   * increments do not extend it, which makes this a fixed-window counter.
   * Rejects when the stored value is not an integer.
   */
  incrBy(key: string, amount: number, ttlMs: number): Promise<CounterState>;

  /**
   * Remaining time to live in milliseconds: null when the key is absent,
   * `Infinity` when it never expires.
   */
  ttl(key: string): Promise<number | null>;

  /** Releases resources. Idempotent; later calls to other methods reject. */
  close(): Promise<void>;
}

/** Thrown by operations on a store after {@link KeyValueStore.close}. */
export class StoreClosedError extends Error {
  constructor(prefix: string) {
    super(`key-value store "${prefix}" is closed`);
    this.name = "StoreClosedError";
  }
}

// Both adapters validate identically so callers see the same errors whichever backend runs.

/** @internal Rejects empty prefixes, which would drop the namespace guarantee. */
export function assertPrefix(prefix: string): void {
  if (typeof prefix !== "string" || prefix.length === 0) {
    throw new TypeError("key-value store prefix must be a non-empty string");
  }
}

/** @internal Normalises a TTL to whole milliseconds; Redis PX only accepts integers. */
export function normaliseTtl(ttlMs: number, what = "ttlMs"): number {
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`${what} must be a positive finite number of milliseconds, got ${String(ttlMs)}`);
  }
  return Math.ceil(ttlMs);
}

/** @internal Redis INCRBY only takes 64-bit integers; safe integers keep JS and Redis in agreement. */
export function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`incrBy amount must be a safe integer, got ${String(amount)}`);
  }
}
