import { describe, expect, it } from "vitest";

import { InflightFetches } from "./inflight.js";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe("InflightFetches", () => {
  it("shares one fetch between identical requests of one caller while it is in flight, then forgets it", async () => {
    const flights = new InflightFetches<string>();
    const d = deferred<string>();
    let fetches = 0;
    const fetch = () => (fetches++, d.promise);
    const a = flights.run("caller", "q", fetch);
    const b = flights.run("caller", "q", fetch);
    expect([a.shared, b.shared]).toEqual([false, true]);
    d.resolve("body");
    expect(await Promise.all([a.result, b.result])).toEqual(["body", "body"]);
    expect(fetches).toBe(1);
    expect(flights.size).toBe(0);
    expect(flights.run("caller", "q", () => Promise.resolve("again")).shared).toBe(false);
  });

  it("keeps callers and requests apart", () => {
    const flights = new InflightFetches<string>();
    const pending = () => new Promise<string>(() => undefined);
    expect(flights.run("alice", "q", pending).shared).toBe(false);
    expect(flights.run("bob", "q", pending).shared).toBe(false);
    expect(flights.run("alice", "q2", pending).shared).toBe(false);
    expect(flights.run("alice", "q", pending).shared).toBe(true);
  });

  it("gives a failure to every joiner and does not keep it", async () => {
    const flights = new InflightFetches<string>();
    const d = deferred<string>();
    const a = flights.run("c", "q", () => d.promise);
    const b = flights.run("c", "q", () => d.promise);
    d.reject(new Error("refused"));
    await expect(a.result).rejects.toThrow("refused");
    await expect(b.result).rejects.toThrow("refused");
    expect(flights.size).toBe(0);
  });

  it("after a caller's write, later reads by that caller start afresh (read-your-writes)", async () => {
    const flights = new InflightFetches<string>();
    const old = deferred<string>();
    const before = flights.run("alice", "q", () => old.promise);
    flights.run("bob", "q", () => new Promise<string>(() => undefined));
    flights.forgetCaller("alice");
    const after = flights.run("alice", "q", () => Promise.resolve("fresh"));
    expect(after.shared).toBe(false);
    expect(await after.result).toBe("fresh");
    expect(flights.run("bob", "q", () => Promise.resolve("x")).shared).toBe(true);
    // The older fetch still answers the request that started it, and does not evict the newer one.
    old.resolve("stale");
    expect(await before.result).toBe("stale");
  });
});
