import { afterEach, describe, expect, it, vi } from "vitest";

import { describeKeyValueStoreContract } from "./cache.contract.js";
import { type Clock, createKeyValueStore, MemoryKeyValueStore } from "./index.js";

function fakeClock(start = 1_700_000_000_000): Clock & { t: number } {
  return {
    t: start,
    now() {
      return this.t;
    },
  };
}

describeKeyValueStoreContract("memory", () => {
  const clock = fakeClock();
  return {
    ttlMs: 1_000,
    open: async (namespace) => new MemoryKeyValueStore({ prefix: `test:${namespace}`, clock }),
    advance: async (ms) => {
      clock.t += ms;
    },
  };
});

describe("MemoryKeyValueStore", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("treats a key as expired at exactly its expiry instant", async () => {
    const clock = fakeClock();
    const store = new MemoryKeyValueStore({ prefix: "p", clock });
    await store.set("k", "v", { ttlMs: 100 });
    clock.t += 99;
    expect(await store.ttl("k")).toBe(1);
    clock.t += 1;
    expect(await store.get("k")).toBeNull();
    await store.close();
  });

  it("rounds fractional TTLs up to whole milliseconds", async () => {
    const clock = fakeClock();
    const store = new MemoryKeyValueStore({ prefix: "p", clock });
    await store.set("k", "v", { ttlMs: 0.2 });
    expect(await store.ttl("k")).toBe(1);
    expect((await store.incrBy("c", 1, 10.1)).ttlMs).toBe(11);
    await store.close();
  });

  it("removes expired entries lazily on access", async () => {
    const clock = fakeClock();
    const store = new MemoryKeyValueStore({ prefix: "p", clock, sweepIntervalMs: 0 });
    await store.set("k", "v", { ttlMs: 10 });
    clock.t += 10;
    expect(store.size).toBe(1);
    expect(await store.get("k")).toBeNull();
    expect(store.size).toBe(0);
    await store.close();
  });

  it("sweeps expired entries that are never read again", async () => {
    const clock = fakeClock();
    const store = new MemoryKeyValueStore({ prefix: "p", clock, sweepIntervalMs: 0 });
    for (let i = 0; i < 10; i++) await store.set(`short:${i}`, "v", { ttlMs: 10 });
    await store.set("long", "v", { ttlMs: 1_000 });
    await store.set("forever", "v");
    clock.t += 10;
    expect(store.sweep()).toBe(10);
    expect(store.size).toBe(2);
    await store.close();
  });

  it("runs the sweep on an unref'd timer and stops it on close", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const clock = fakeClock();
      const store = new MemoryKeyValueStore({ prefix: "p", clock, sweepIntervalMs: 1_000 });
      const sweep = vi.spyOn(store, "sweep");
      await store.set("k", "v", { ttlMs: 10 });
      clock.t += 10;
      vi.advanceTimersByTime(1_000);
      expect(sweep).toHaveBeenCalledTimes(1);
      expect(store.size).toBe(0);
      await store.close();
      vi.advanceTimersByTime(5_000);
      expect(sweep).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }

    const spy = vi.spyOn(globalThis, "setInterval");
    const store = new MemoryKeyValueStore({ prefix: "p" });
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await store.close();
  });

  it("bounds memory by evicting the least recently written entry", async () => {
    const clock = fakeClock();
    const store = new MemoryKeyValueStore({ prefix: "p", clock, maxEntries: 3, sweepIntervalMs: 0 });
    await store.set("a", "1");
    await store.set("b", "2");
    await store.set("c", "3");
    await store.set("a", "1'"); // rewrite makes "a" the youngest
    await store.set("d", "4");
    expect(store.size).toBe(3);
    expect(await store.get("b")).toBeNull();
    expect(await store.get("a")).toBe("1'");
    expect(await store.get("c")).toBe("3");
    expect(await store.get("d")).toBe("4");

    // A counter increment updates in place and never evicts.
    await store.incrBy("c", 1, 1_000);
    expect(store.size).toBe(3);
    await store.close();
  });

  it("rejects increments that would leave the safe-integer range", async () => {
    const store = new MemoryKeyValueStore({ prefix: "p" });
    await store.set("big", String(Number.MAX_SAFE_INTEGER));
    await expect(store.incrBy("big", 1, 1_000)).rejects.toThrow(/overflow/);
    expect(await store.get("big")).toBe(String(Number.MAX_SAFE_INTEGER));
    await store.set("padded", "007");
    await expect(store.incrBy("padded", 1, 1_000)).rejects.toThrow(/not an integer/);
    await store.close();
  });

  it("uses Date.now when no clock is injected", async () => {
    const store = new MemoryKeyValueStore({ prefix: "p" });
    const now = vi.spyOn(Date, "now").mockReturnValue(5_000);
    await store.set("k", "v", { ttlMs: 100 });
    now.mockReturnValue(5_100);
    expect(await store.get("k")).toBeNull();
    await store.close();
  });

  it("validates its options", () => {
    expect(() => new MemoryKeyValueStore({ prefix: "" })).toThrow(TypeError);
    expect(() => new MemoryKeyValueStore({ prefix: "p", maxEntries: 0 })).toThrow(RangeError);
    expect(() => new MemoryKeyValueStore({ prefix: "p", sweepIntervalMs: -1 })).toThrow(RangeError);
  });
});

describe("createKeyValueStore without Redis", () => {
  it.each([undefined, "", "   "])("returns the in-memory store for redisUrl=%j", async (redisUrl) => {
    const clock = fakeClock();
    const store = await createKeyValueStore({ redisUrl, prefix: "factory", clock });
    expect(store).toBeInstanceOf(MemoryKeyValueStore);
    expect(store.prefix).toBe("factory");
    await store.set("k", "v", { ttlMs: 10 });
    clock.t += 10;
    expect(await store.get("k")).toBeNull();
    await store.close();
  });
});
