import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { type KeyValueStore, StoreClosedError } from "./cache.js";

/** What an adapter's test file supplies to {@link describeKeyValueStoreContract}. */
export interface KeyValueStoreContractHarness {
  /**
   * Opens a store whose prefix ends in `namespace`. Calls with different
   * namespaces must give isolated stores; each harness gets a fresh key space.
   */
  open(namespace: string): Promise<KeyValueStore>;
  /** Lets at least `ms` of store time pass: advance a fake clock, or sleep for real backends. */
  advance(ms: number): Promise<void>;
  /** TTL the suite uses; keep it short (a few hundred ms) where `advance` sleeps. Must be even. */
  ttlMs: number;
  /** Runs after the suite has closed every opened store. */
  dispose?(): Promise<void>;
}

/**
 * Registers the behaviour every {@link KeyValueStore} adapter must share.
 * `factory` runs once per test.
 */
export function describeKeyValueStoreContract(
  name: string,
  factory: () => KeyValueStoreContractHarness | Promise<KeyValueStoreContractHarness>,
): void {
  describe(`KeyValueStore contract: ${name}`, () => {
    let harness: KeyValueStoreContractHarness | undefined;
    let opened: KeyValueStore[] = [];
    let store: KeyValueStore;
    let T: number;

    const open = async (namespace: string): Promise<KeyValueStore> => {
      const s = await harness!.open(namespace);
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      opened = [];
      harness = await factory();
      T = harness.ttlMs;
      if (!(T > 0) || T % 2 !== 0) throw new RangeError(`harness ttlMs must be a positive even number, got ${T}`);
      store = await open("main");
    });

    // Guarded because an outer beforeEach (e.g. "Redis unreachable") can fail before ours ran.
    afterEach(async () => {
      const [stores, h] = [opened, harness];
      opened = [];
      harness = undefined;
      await Promise.all(stores.map((s) => s.close()));
      await h?.dispose?.();
    });

    describe("set / get", () => {
      it("returns null for a missing key", async () => {
        expect(await store.get("missing")).toBeNull();
      });

      it("round-trips values, including empty and non-ASCII strings", async () => {
        for (const [key, value] of [
          ["plain", "v1"],
          ["empty", ""],
          ["unicode", "Zürich €1 ✓"],
          ["json", '{"a":[1,2]}'],
        ]) {
          expect(await store.set(key!, value!)).toBe(true);
          expect(await store.get(key!)).toBe(value);
        }
      });

      it("overwrites an existing value and reports success", async () => {
        await store.set("k", "first");
        expect(await store.set("k", "second")).toBe(true);
        expect(await store.get("k")).toBe("second");
      });

      it("drops the TTL when overwritten without one", async () => {
        await store.set("k", "v", { ttlMs: T });
        await store.set("k", "v2");
        expect(await store.ttl("k")).toBe(Infinity);
      });

      it("rejects invalid TTLs", async () => {
        for (const ttlMs of [0, -1, Number.NaN, Infinity]) {
          await expect(store.set("k", "v", { ttlMs })).rejects.toBeInstanceOf(RangeError);
        }
        expect(await store.get("k")).toBeNull();
      });
    });

    describe("onlyIfAbsent", () => {
      it("writes only the first time and leaves the first value in place", async () => {
        expect(await store.set("marker", "a", { onlyIfAbsent: true, ttlMs: T })).toBe(true);
        expect(await store.set("marker", "b", { onlyIfAbsent: true, ttlMs: T })).toBe(false);
        expect(await store.set("marker", "c", { onlyIfAbsent: true })).toBe(false);
        expect(await store.get("marker")).toBe("a");
      });

      it("has exactly one winner among 20 concurrent callers", async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.set("otp:123456", `caller-${i}`, { onlyIfAbsent: true, ttlMs: T })),
        );
        const winners = results.flatMap((won, i) => (won ? [i] : []));
        expect(winners).toHaveLength(1);
        expect(await store.get("otp:123456")).toBe(`caller-${winners[0]}`);
      });

      it("succeeds again once the previous marker has expired", async () => {
        expect(await store.set("marker", "a", { onlyIfAbsent: true, ttlMs: T })).toBe(true);
        await harness!.advance(T);
        expect(await store.set("marker", "b", { onlyIfAbsent: true, ttlMs: T })).toBe(true);
        expect(await store.get("marker")).toBe("b");
      });
    });

    describe("TTL", () => {
      it("is null for a missing key and Infinity for a persistent one", async () => {
        expect(await store.ttl("missing")).toBeNull();
        await store.set("forever", "v");
        expect(await store.ttl("forever")).toBe(Infinity);
      });

      it("counts down and expires the key", async () => {
        await store.set("k", "v", { ttlMs: T });
        const initial = await store.ttl("k");
        expect(initial).toBeGreaterThan(0);
        expect(initial).toBeLessThanOrEqual(T);

        await harness!.advance(T / 2);
        expect(await store.get("k")).toBe("v");
        const half = await store.ttl("k");
        expect(half).toBeGreaterThan(0);
        expect(half).toBeLessThanOrEqual(T / 2);

        await harness!.advance(T / 2);
        expect(await store.get("k")).toBeNull();
        expect(await store.ttl("k")).toBeNull();
      });
    });

    describe("incrBy", () => {
      it("creates the counter with the window TTL and returns the remaining TTL", async () => {
        const first = await store.incrBy("attempts", 1, T);
        expect(first.value).toBe(1);
        expect(first.ttlMs).toBeGreaterThan(0);
        expect(first.ttlMs).toBeLessThanOrEqual(T);
        expect(await store.get("attempts")).toBe("1");
      });

      it("keeps a fixed window: later increments neither reset nor extend the TTL", async () => {
        const first = await store.incrBy("attempts", 1, T);
        const second = await store.incrBy("attempts", 2, T * 10);
        expect(second.value).toBe(3);
        expect(second.ttlMs).toBeLessThanOrEqual(first.ttlMs);

        await harness!.advance(T / 2);
        const third = await store.incrBy("attempts", 1, T);
        expect(third.value).toBe(4);
        expect(third.ttlMs).toBeGreaterThan(0);
        expect(third.ttlMs).toBeLessThanOrEqual(T / 2);
        expect(await store.ttl("attempts")).toBeLessThanOrEqual(third.ttlMs);
      });

      it("starts a new window after the old one expires", async () => {
        await store.incrBy("attempts", 5, T);
        await harness!.advance(T);
        const fresh = await store.incrBy("attempts", 1, T);
        expect(fresh.value).toBe(1);
        expect(fresh.ttlMs).toBeGreaterThan(T / 2);
        expect(fresh.ttlMs).toBeLessThanOrEqual(T);
      });

      it("is atomic under 50 concurrent increments", async () => {
        const results = await Promise.all(Array.from({ length: 50 }, () => store.incrBy("hits", 1, T * 10)));
        expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(await store.get("hits")).toBe("50");
      });

      it("counts cost units, including negative amounts", async () => {
        expect((await store.incrBy("cost", 25, T)).value).toBe(25);
        expect((await store.incrBy("cost", 10, T)).value).toBe(35);
        expect((await store.incrBy("cost", -5, T)).value).toBe(30);
        expect((await store.incrBy("cost", 0, T)).value).toBe(30);
      });

      it("adds a TTL to a counter that was written without one", async () => {
        await store.set("legacy", "7");
        const r = await store.incrBy("legacy", 1, T);
        expect(r.value).toBe(8);
        expect(r.ttlMs).toBeGreaterThan(0);
        expect(r.ttlMs).toBeLessThanOrEqual(T);
        expect(await store.ttl("legacy")).not.toBe(Infinity);
      });

      it("rejects a non-integer stored value and leaves it unchanged", async () => {
        await store.set("text", "abc");
        await expect(store.incrBy("text", 1, T)).rejects.toThrow(/not an integer/);
        await store.set("float", "1.5");
        await expect(store.incrBy("float", 1, T)).rejects.toThrow(/not an integer/);
        expect(await store.get("text")).toBe("abc");
        expect(await store.get("float")).toBe("1.5");
      });

      it("rejects non-integer amounts and invalid TTLs without creating the key", async () => {
        await expect(store.incrBy("c", 1.5, T)).rejects.toBeInstanceOf(RangeError);
        await expect(store.incrBy("c", Number.NaN, T)).rejects.toBeInstanceOf(RangeError);
        await expect(store.incrBy("c", 1, 0)).rejects.toBeInstanceOf(RangeError);
        await expect(store.incrBy("c", 1, -100)).rejects.toBeInstanceOf(RangeError);
        expect(await store.get("c")).toBeNull();
      });
    });

    describe("delete", () => {
      it("removes a key and reports whether it existed", async () => {
        await store.set("k", "v", { ttlMs: T });
        expect(await store.delete("k")).toBe(true);
        expect(await store.get("k")).toBeNull();
        expect(await store.ttl("k")).toBeNull();
        expect(await store.delete("k")).toBe(false);
      });

      it("frees the key for a fresh counter window and a new marker", async () => {
        await store.incrBy("c", 9, T);
        await store.set("m", "x", { onlyIfAbsent: true });
        await store.delete("c");
        await store.delete("m");
        expect((await store.incrBy("c", 1, T)).value).toBe(1);
        expect(await store.set("m", "y", { onlyIfAbsent: true })).toBe(true);
      });
    });

    describe("prefix isolation", () => {
      it("keeps keys of stores with different prefixes apart", async () => {
        const a = await open("tenant-a");
        const b = await open("tenant-b");
        expect(a.prefix).not.toBe(b.prefix);

        await a.set("shared", "from-a");
        expect(await b.get("shared")).toBeNull();
        expect(await b.set("shared", "from-b", { onlyIfAbsent: true })).toBe(true);
        expect(await a.get("shared")).toBe("from-a");

        expect((await a.incrBy("n", 3, T)).value).toBe(3);
        expect((await b.incrBy("n", 1, T)).value).toBe(1);

        expect(await b.delete("shared")).toBe(true);
        expect(await a.get("shared")).toBe("from-a");
        expect(await store.get("shared")).toBeNull();
      });
    });

    describe("close", () => {
      it("is idempotent and makes later calls reject", async () => {
        const s = await open("closing");
        await s.set("k", "v");
        await s.close();
        await s.close();
        await expect(s.get("k")).rejects.toBeInstanceOf(StoreClosedError);
        await expect(s.set("k", "v")).rejects.toBeInstanceOf(StoreClosedError);
        await expect(s.incrBy("k", 1, T)).rejects.toBeInstanceOf(StoreClosedError);
        await expect(s.ttl("k")).rejects.toBeInstanceOf(StoreClosedError);
        await expect(s.delete("k")).rejects.toBeInstanceOf(StoreClosedError);
      });
    });
  });
}
