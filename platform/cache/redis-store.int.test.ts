import { randomUUID } from "node:crypto";
import type { AddressInfo, Socket } from "node:net";

import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { describeKeyValueStoreContract } from "./cache.contract.js";
import { connectRedisKeyValueStore, createKeyValueStore, type KeyValueStore, redactRedisUrl, RedisKeyValueStore } from "./index.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// Per-run namespace: parallel runs and leftovers from crashed runs never collide.
const RUN_PREFIX = `moneta-test:cache:${randomUUID()}`;
// Port 1 (tcpmux) is reliably closed locally, so connecting fails fast with ECONNREFUSED.
const UNREACHABLE_URL = "redis://:s3cret-pass@127.0.0.1:1";

let admin: Redis;
let unreachable: Error | undefined;

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await admin.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return keys;
}

async function deleteUnder(prefix: string): Promise<void> {
  const keys = await keysUnder(prefix);
  if (keys.length > 0) await admin.del(...keys);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3_000 });
  admin.on("error", () => {});
  try {
    // Same check production startup does; its message names REDIS_URL when this fails.
    const probe = await connectRedisKeyValueStore({ url: REDIS_URL, prefix: RUN_PREFIX, connectTimeoutMs: 3_000 });
    await probe.close();
    await admin.connect();
  } catch (error) {
    unreachable = error as Error;
  }
});

// A failing beforeAll would only mark the tests skipped; a missing Redis must fail every one of them.
beforeEach(() => {
  if (unreachable) throw unreachable;
});

afterAll(async () => {
  if (admin?.status !== "ready") return admin?.disconnect();
  await deleteUnder(RUN_PREFIX);
  const leftovers = await keysUnder(RUN_PREFIX);
  await admin.quit();
  expect(leftovers).toEqual([]);
});

describeKeyValueStoreContract("redis", () => {
  const testPrefix = `${RUN_PREFIX}:${randomUUID().slice(0, 8)}`;
  return {
    // Short real TTLs keep the suite fast; half of it (150 ms) is ample margin for a local round trip.
    ttlMs: 300,
    open: (namespace) => connectRedisKeyValueStore({ url: REDIS_URL, prefix: `${testPrefix}:${namespace}` }),
    // Slightly over, since Redis keeps a key alive through the exact expiry millisecond.
    advance: (ms) => sleep(ms + 5),
    dispose: () => deleteUnder(testPrefix),
  };
});

describe("RedisKeyValueStore", () => {
  const prefix = `${RUN_PREFIX}:specific`;
  const stores: KeyValueStore[] = [];
  const open = async (p = prefix) => {
    const s = await connectRedisKeyValueStore({ url: REDIS_URL, prefix: p });
    stores.push(s);
    return s;
  };

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  it("stores keys under `<prefix>:` with the TTLs Redis itself reports", async () => {
    const store = await open();
    await store.set("marker", "v", { ttlMs: 60_000 });
    await store.incrBy("counter", 4, 30_000);
    await store.set("persistent", "v");

    expect(await admin.get(`${prefix}:marker`)).toBe("v");
    expect(await admin.get(`${prefix}:counter`)).toBe("4");
    const markerTtl = await admin.pttl(`${prefix}:marker`);
    expect(markerTtl).toBeGreaterThan(59_000);
    const counterTtl = await admin.pttl(`${prefix}:counter`);
    expect(counterTtl).toBeGreaterThan(29_000);
    expect(counterTtl).toBeLessThanOrEqual(30_000);
    expect(await admin.pttl(`${prefix}:persistent`)).toBe(-1);
  });

  it("rounds fractional TTLs up for PX", async () => {
    const store = await open();
    await store.set("frac", "v", { ttlMs: 1_000.2 });
    const pttl = await admin.pttl(`${prefix}:frac`);
    expect(pttl).toBeGreaterThan(900);
    expect(pttl).toBeLessThanOrEqual(1_001);
  });

  it("has exactly one onlyIfAbsent winner across separate connections", async () => {
    const connections = await Promise.all(Array.from({ length: 5 }, () => open()));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        connections[i % connections.length]!.set("otp:race", `caller-${i}`, { onlyIfAbsent: true, ttlMs: 10_000 }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("keeps incrBy atomic across separate connections", async () => {
    const connections = await Promise.all(Array.from({ length: 4 }, () => open()));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => connections[i % connections.length]!.incrBy("shared-window", 1, 10_000)),
    );
    expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("fails connectRedisKeyValueStore with a REDIS_URL message and a masked password", async () => {
    const attempt = connectRedisKeyValueStore({ url: UNREACHABLE_URL, prefix, connectTimeoutMs: 2_000 });
    await expect(attempt).rejects.toThrow(/REDIS_URL/);
    const error = (await attempt.catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain("redis://:***@127.0.0.1:1");
    expect(error.message).not.toContain("s3cret-pass");
  });

  it("times out the connect ping when Redis never answers", async () => {
    // A listening socket that never replies stands in for a hung Redis or a black-holed network.
    const { createServer } = await import("node:net");
    const sockets = new Set<Socket>();
    const server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      await expect(connectRedisKeyValueStore({ url: `redis://127.0.0.1:${port}`, prefix, connectTimeoutMs: 300 })).rejects.toThrow(
        /REDIS_URL.*300 ms/,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("rejects commands instead of crashing when Redis is unreachable", async () => {
    const errors: Error[] = [];
    const store = new RedisKeyValueStore({ url: UNREACHABLE_URL, prefix, onError: (e) => errors.push(e) });
    try {
      await expect(store.get("k")).rejects.toThrow();
      await expect(store.incrBy("k", 1, 1_000)).rejects.toThrow();
      await expect(store.set("k", "v", { onlyIfAbsent: true })).rejects.toThrow();
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it("refuses URLs that are not redis:// without echoing them", () => {
    expect(() => new RedisKeyValueStore({ url: "not a url :secret", prefix })).toThrow(/REDIS_URL/);
    expect(() => new RedisKeyValueStore({ url: "not a url :secret", prefix })).not.toThrow(/secret/);
    expect(() => new RedisKeyValueStore({ url: "http://127.0.0.1:6379", prefix })).toThrow(/redis:\/\//);
    expect(redactRedisUrl("rediss://user:pw@cache.example:6380/2")).toBe("rediss://user:***@cache.example:6380/2");
  });
});

describe("createKeyValueStore with Redis", () => {
  it("returns a connected Redis store when redisUrl is set", async () => {
    const store = await createKeyValueStore({ redisUrl: REDIS_URL, prefix: `${RUN_PREFIX}:factory` });
    try {
      expect(store).toBeInstanceOf(RedisKeyValueStore);
      expect(await store.set("k", "v", { ttlMs: 10_000 })).toBe(true);
      expect(await admin.get(`${RUN_PREFIX}:factory:k`)).toBe("v");
    } finally {
      await store.close();
    }
  });

  it("throws an error naming REDIS_URL when Redis is unreachable", async () => {
    await expect(createKeyValueStore({ redisUrl: UNREACHABLE_URL, prefix: "x" })).rejects.toThrow(/REDIS_URL/);
  });
});
