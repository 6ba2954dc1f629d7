import type { PersistedQueryOptions } from "@apollo/server";

import type { KeyValueStore } from "../../platform/cache/index.js";

/** Apollo's cache interface for automatic persisted queries. */
export type ApqCache = NonNullable<PersistedQueryOptions["cache"]>;

/** Long enough that first-party clients rarely see a miss; short enough that dead queries go away. */
export const APQ_TTL_SECONDS = 24 * 60 * 60;

/**
 * Automatic persisted queries over the shared {@link KeyValueStore}: Redis in production, so a hash
 * registered through one gateway instance is known to all of them; memory on the embedded default.
 * Apollo namespaces its keys (`apq:<sha256>`) and registers a query only after it parsed and
 * validated, and after every plugin let the request through.
 */
export class KeyValueStoreApqCache implements ApqCache {
  constructor(private readonly store: KeyValueStore) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.store.get(key)) ?? undefined;
  }

  /** `ttl` is in seconds, as Apollo passes it; null or absent means no expiry. */
  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    await this.store.set(key, value, ttl ? { ttlMs: ttl * 1000 } : {});
  }

  async delete(key: string): Promise<boolean> {
    return this.store.delete(key);
  }
}

/** Apollo Server's `persistedQueries` option for the gateway. */
export function apqOptions(store: KeyValueStore, ttlSeconds = APQ_TTL_SECONDS): PersistedQueryOptions {
  return { cache: new KeyValueStoreApqCache(store), ttl: ttlSeconds };
}
