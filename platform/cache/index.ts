import { type Clock, type KeyValueStore, systemClock } from "./cache.js";
import { MemoryKeyValueStore } from "./memory-store.js";
import { connectRedisKeyValueStore } from "./redis-store.js";

export type { Clock, CounterState, KeyValueStore, SetOptions } from "./cache.js";
export { StoreClosedError, systemClock } from "./cache.js";
export { MemoryKeyValueStore, type MemoryKeyValueStoreOptions } from "./memory-store.js";
export { connectRedisKeyValueStore, redactRedisUrl, RedisKeyValueStore, type RedisKeyValueStoreOptions } from "./redis-store.js";

/** Configuration for {@link createKeyValueStore}. */
export interface KeyValueStoreConfig {
  /** Usually `process.env.REDIS_URL`. Unset or blank selects the in-memory store. */
  redisUrl?: string;
  /** Namespace prepended to every key. */
  prefix: string;
  /** Time source for the in-memory store; Redis uses its own clock. */
  clock?: Clock;
}

/**
 * Opens the store the configuration asks for: Redis when `redisUrl` is set
 * (connecting and pinging it first), the in-memory store otherwise.
 * @throws Error naming `REDIS_URL` when Redis is configured but unreachable.
 */
export async function createKeyValueStore(config: KeyValueStoreConfig): Promise<KeyValueStore> {
  const redisUrl = config.redisUrl?.trim();
  // An empty REDIS_URL= in a .env file means "not configured", not "connect to localhost".
  if (redisUrl) {
    return connectRedisKeyValueStore({ url: redisUrl, prefix: config.prefix });
  }
  return new MemoryKeyValueStore({ prefix: config.prefix, clock: config.clock ?? systemClock });
}
