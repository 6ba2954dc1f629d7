import { describe, expect, it } from "vitest";

import { TtlCache } from "./ttl-cache.js";

describe("TtlCache", () => {
  it("expires entries a fixed time after they were set, however often they are read", () => {
    let now = 0;
    const cache = new TtlCache<string, number>({ maxEntries: 10, ttlMs: 1_000, now: () => now });
    cache.set("a", 1);
    now = 999;
    expect(cache.get("a")).toBe(1);
    now = 1_000;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("never holds more than maxEntries, dropping the least recently read", () => {
    const cache = new TtlCache<number, number>({ maxEntries: 3, ttlMs: 60_000 });
    cache.set(1, 1);
    cache.set(2, 2);
    cache.set(3, 3);
    cache.get(1);
    cache.set(4, 4);
    expect([1, 2, 3, 4].map((k) => cache.has(k))).toEqual([true, false, true, true]);
    for (let i = 0; i < 10_000; i++) cache.set(100 + i, i);
    expect(cache.size).toBe(3);
  });

  it("deletes by value", () => {
    const cache = new TtlCache<string, { owner: string }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.set("a", { owner: "x" });
    cache.set("b", { owner: "y" });
    cache.set("c", { owner: "x" });
    expect(cache.deleteWhere((v) => v.owner === "x")).toBe(2);
    expect(cache.has("b")).toBe(true);
    expect(cache.size).toBe(1);
  });
});
