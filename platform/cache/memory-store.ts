import {
  assertAmount,
  assertPrefix,
  type Clock,
  type CounterState,
  type KeyValueStore,
  normaliseTtl,
  type SetOptions,
  StoreClosedError,
  systemClock,
} from "./cache.js";

/** Options for {@link MemoryKeyValueStore}. */
export interface MemoryKeyValueStoreOptions {
  /** Namespace prepended to every key. */
  prefix: string;
  /** Time source for expiry; defaults to `Date.now`. */
  clock?: Clock;
  /**
   * Upper bound on stored entries (default 100 000). At the bound, writing a
   * new key evicts the least recently written one.
   */
  maxEntries?: number;
  /** Period of the background sweep of expired entries (default 60 000 ms); 0 disables it. */
  sweepIntervalMs?: number;
}

interface Entry {
  value: string;
  /** Epoch ms at which the entry stops existing; Infinity when persistent. */
  expiresAt: number;
}

const INTEGER = /^-?(?:0|[1-9]\d*)$/;

/**
 * In-process {@link KeyValueStore}: the embedded default when no Redis is
 * configured. State is per instance and per process, so limits it enforces are
 * not shared between replicas.
 *
 * Eviction at `maxEntries` can drop a live lockout counter or single-use
 * marker; deployments where an attacker could flood the key space should use
 * Redis or size the bound well above expected traffic.
 */
export class MemoryKeyValueStore implements KeyValueStore {
  readonly prefix: string;
  private readonly clock: Clock;
  private readonly maxEntries: number;
  // Map iteration order is insertion order, which gives O(1) oldest-write eviction.
  private readonly entries = new Map<string, Entry>();
  private readonly sweepTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: MemoryKeyValueStoreOptions) {
    assertPrefix(options.prefix);
    const maxEntries = options.maxEntries ?? 100_000;
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${String(maxEntries)}`);
    }
    const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
    if (!Number.isFinite(sweepIntervalMs) || sweepIntervalMs < 0) {
      throw new RangeError(`sweepIntervalMs must be >= 0, got ${String(sweepIntervalMs)}`);
    }
    this.prefix = options.prefix;
    this.clock = options.clock ?? systemClock;
    this.maxEntries = maxEntries;
    if (sweepIntervalMs > 0) {
      this.sweepTimer = setInterval(() => this.sweep(), sweepIntervalMs);
      // A cache must never be the reason the process stays up after everything else has finished.
      this.sweepTimer.unref();
    }
  }

  /** Entries currently held, including expired ones not yet swept. */
  get size(): number {
    return this.entries.size;
  }

  /** Removes every expired entry now. @returns how many were removed. */
  sweep(): number {
    const now = this.clock.now();
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  async get(key: string): Promise<string | null> {
    this.assertOpen();
    return this.live(this.k(key))?.value ?? null;
  }

  async set(key: string, value: string, options: SetOptions = {}): Promise<boolean> {
    this.assertOpen();
    const expiresAt = options.ttlMs === undefined ? Infinity : this.clock.now() + normaliseTtl(options.ttlMs);
    const k = this.k(key);
    if (options.onlyIfAbsent && this.live(k)) return false;
    this.write(k, { value: String(value), expiresAt });
    return true;
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    const k = this.k(key);
    const existed = this.live(k) !== undefined;
    this.entries.delete(k);
    return existed;
  }

  async incrBy(key: string, amount: number, ttlMs: number): Promise<CounterState> {
    this.assertOpen();
    assertAmount(amount);
    const ttl = normaliseTtl(ttlMs);
    const now = this.clock.now();
    const k = this.k(key);
    const entry = this.live(k);
    const current = entry === undefined ? 0 : parseInteger(entry.value);
    const value = current + amount;
    if (!Number.isSafeInteger(value)) {
      throw new RangeError("ERR increment or decrement would overflow");
    }
    if (entry === undefined) {
      this.write(k, { value: String(value), expiresAt: now + ttl });
      return { value, ttlMs: ttl };
    }
    // Updated in place so the window's position in eviction order stays at its creation.
    entry.value = String(value);
    if (entry.expiresAt === Infinity) entry.expiresAt = now + ttl;
    return { value, ttlMs: entry.expiresAt - now };
  }

  async ttl(key: string): Promise<number | null> {
    this.assertOpen();
    const entry = this.live(this.k(key));
    if (entry === undefined) return null;
    return entry.expiresAt === Infinity ? Infinity : entry.expiresAt - this.clock.now();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.entries.clear();
  }

  private k(key: string): string {
    return `${this.prefix}:${key}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError(this.prefix);
  }

  /** The entry if present and unexpired; drops it on the way if it has expired. */
  private live(k: string): Entry | undefined {
    const entry = this.entries.get(k);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(k);
      return undefined;
    }
    return entry;
  }

  private write(k: string, entry: Entry): void {
    // Delete first so a rewrite moves the key to the young end of the eviction order.
    this.entries.delete(k);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(k, entry);
  }
}

function parseInteger(raw: string): number {
  const n = Number(raw);
  // Mirrors Redis, which refuses to increment anything but a canonical integer string.
  if (!INTEGER.test(raw) || !Number.isSafeInteger(n)) {
    throw new TypeError("ERR value is not an integer or out of range");
  }
  return n;
}
