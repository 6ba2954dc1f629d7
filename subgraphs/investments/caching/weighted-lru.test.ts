import { describe, expect, it } from "vitest";

import { WeightedLru } from "./weighted-lru.js";

describe("WeightedLru", () => {
  it("evicts the least recently used until the weight fits, and refuses what could never fit", () => {
    const lru = new WeightedLru<string>(10);
    lru.set("a", "A", 4);
    lru.set("b", "B", 4);
    expect(lru.get("a")).toBe("A");
    lru.set("c", "C", 4);
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual(["A", undefined, "C"]);
    expect(lru.weight).toBe(8);
    lru.set("huge", "H", 11);
    expect(lru.get("huge")).toBeUndefined();
    lru.set("a", "A2", 1);
    expect([lru.get("a"), lru.weight]).toEqual(["A2", 5]);
  });
});
