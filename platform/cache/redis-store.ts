import { Redis } from "ioredis";

import {
  assertAmount,
  assertPrefix,
  type CounterState,
  type KeyValueStore,
  normaliseTtl,
  type SetOptions,
  StoreClosedError,
} from "./cache.js";

/** Options for {@link RedisKeyValueStore}. */
export interface RedisKeyValueStoreOptions {
  /** `redis://` or `rediss://` URL, usually the `REDIS_URL` setting. */
  url: string;
  /** Namespace prepended to every key. */
  prefix: string;
  /** Bound on establishing the TCP/TLS connection and on {@link connectRedisKeyValueStore}'s ping (default 5 000 ms). */
  connectTimeoutMs?: number;
  /** Bound on each command, so a stalled Redis fails requests instead of hanging them (default 5 000 ms). */
  commandTimeoutMs?: number;
  /** Observer for connection-level errors (already handled; commands still reject on their own). */
  onError?: (error: Error) => void;
}

// One round trip that cannot interleave with other clients: a separate PEXPIRE could be lost
// if the process died between the two, leaving a counter (e.g. a lockout) that never expires.
// PTTL < 0 also covers a key written by SET without a TTL, so no counter is ever immortal.
const INCR_WINDOW_LUA = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return {value, ttl}
`;

type ScriptedRedis = Redis & {
  monetaIncrWindow(key: string, amount: number, ttlMs: number): Promise<[number, number]>;
};

/**
 * {@link KeyValueStore} backed by Redis, for state shared between processes.
 * Construction does no I/O (the first command connects); use
 * {@link connectRedisKeyValueStore} to fail fast at startup.
 *
 * While Redis is unreachable, commands reject after one reconnection attempt
 * or `commandTimeoutMs`, whichever comes first, and the client keeps
 * reconnecting in the background.
 */
export class RedisKeyValueStore implements KeyValueStore {
  readonly prefix: string;
  /** URL with any password masked, safe to log. */
  readonly displayUrl: string;
  private readonly client: ScriptedRedis;
  private closed = false;
  private lastError: Error | undefined;

  constructor(options: RedisKeyValueStoreOptions) {
    assertPrefix(options.prefix);
    this.displayUrl = redactRedisUrl(options.url);
    this.prefix = options.prefix;
    const client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: options.connectTimeoutMs ?? 5_000,
      commandTimeout: options.commandTimeoutMs ?? 5_000,
      // The default (20 retries) would hold a login request for many seconds during an outage.
      maxRetriesPerRequest: 1,
    });
    // Without a listener ioredis reports every failed reconnect as an unhandled error event.
    client.on("error", (error: Error) => {
      this.lastError = error;
      options.onError?.(error);
    });
    client.defineCommand("monetaIncrWindow", { numberOfKeys: 1, lua: INCR_WINDOW_LUA });
    this.client = client as ScriptedRedis;
  }

  /**
   * Connects if needed and round-trips a PING within `timeoutMs`.
   * Rejects with the underlying connection error when there is one.
   */
  async ping(timeoutMs: number): Promise<void> {
    this.assertOpen();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no PING reply within ${timeoutMs} ms`)), timeoutMs);
    });
    const attempt = (async () => {
      if (this.client.status === "wait") await this.client.connect();
      await this.client.ping();
    })();
    // The loser of the race must not surface later as an unhandled rejection.
    attempt.catch(() => {});
    try {
      await Promise.race([attempt, timeout]);
    } catch (error) {
      // ioredis rejects connect() with a generic "Connection is closed."; the error event has the cause.
      throw this.lastError ?? error;
    } finally {
      clearTimeout(timer);
    }
  }

  async get(key: string): Promise<string | null> {
    this.assertOpen();
    return this.client.get(this.k(key));
  }

  async set(key: string, value: string, options: SetOptions = {}): Promise<boolean> {
    this.assertOpen();
    const k = this.k(key);
    const v = String(value);
    const ttl = options.ttlMs === undefined ? undefined : normaliseTtl(options.ttlMs);
    let reply: "OK" | null;
    if (ttl === undefined) {
      reply = options.onlyIfAbsent ? await this.client.set(k, v, "NX") : await this.client.set(k, v);
    } else {
      reply = options.onlyIfAbsent ? await this.client.set(k, v, "PX", ttl, "NX") : await this.client.set(k, v, "PX", ttl);
    }
    return reply === "OK";
  }

  async delete(key: string): Promise<boolean> {
    this.assertOpen();
    return (await this.client.del(this.k(key))) > 0;
  }

  async incrBy(key: string, amount: number, ttlMs: number): Promise<CounterState> {
    this.assertOpen();
    assertAmount(amount);
    const ttl = normaliseTtl(ttlMs);
    const [value, remaining] = await this.client.monetaIncrWindow(this.k(key), amount, ttl);
    return { value: Number(value), ttlMs: Number(remaining) };
  }

  async ttl(key: string): Promise<number | null> {
    this.assertOpen();
    const pttl = await this.client.pttl(this.k(key));
    if (pttl === -2) return null;
    if (pttl === -1) return Infinity;
    return pttl;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.status === "ready") {
      try {
        await this.client.quit();
        return;
      } catch {
        // Fall through: the connection is going away anyway.
      }
    }
    // quit() would wait in the offline queue while reconnecting; disconnect() also stops retries.
    this.client.disconnect();
  }

  private k(key: string): string {
    return `${this.prefix}:${key}`;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError(this.prefix);
  }
}

/**
 * Creates a {@link RedisKeyValueStore} and verifies Redis answers a PING
 * within `connectTimeoutMs`.
 * @throws Error naming the `REDIS_URL` setting (password masked) when Redis is unreachable.
 */
export async function connectRedisKeyValueStore(options: RedisKeyValueStoreOptions): Promise<RedisKeyValueStore> {
  const store = new RedisKeyValueStore(options);
  const timeoutMs = options.connectTimeoutMs ?? 5_000;
  try {
    await store.ping(timeoutMs);
  } catch (cause) {
    await store.close();
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `Redis is unreachable at ${store.displayUrl} (REDIS_URL): ${reason}. ` +
        "Check that Redis is running and REDIS_URL points at it, or unset REDIS_URL to use the in-memory store.",
      { cause },
    );
  }
  return store;
}

/**
 * The URL with its password replaced by `***`, for error messages and logs.
 * @throws TypeError (without echoing the input, which may hold a secret) when it is not a redis:// or rediss:// URL.
 */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError("REDIS_URL is not a valid URL (expected redis://[user:password@]host:port[/db])");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new TypeError(`REDIS_URL must use redis:// or rediss://, got ${parsed.protocol}//`);
  }
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
