/**
 * A bounded in-memory map whose entries expire a fixed time after they were set. When full, the
 * least recently read entry makes room, so memory stays bounded whatever callers throw at it.
 * Reading an entry never extends its life: expiry is what bounds staleness.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(private readonly options: { maxEntries: number; ttlMs: number; now?: () => number }) {
    if (options.maxEntries < 1) throw new Error("TtlCache needs room for at least one entry");
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Map iteration order is insertion order: re-inserting moves the entry to the young end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Removes every entry whose value matches; linear, for rare events such as a revocation. */
  deleteWhere(matches: (value: V) => boolean): number {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (matches(entry.value)) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    this.entries.clear();
  }
}
