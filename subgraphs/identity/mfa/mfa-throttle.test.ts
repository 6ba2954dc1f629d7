import { describe, expect, it } from "vitest";

import { MemoryKeyValueStore } from "../../../platform/cache/index.js";
import { MfaThrottle } from "./mfa-throttle.js";

const config = { accountFailures: 5, ipFailures: 50, windowMinutes: 15, lockoutMinutes: 15, mfaFailures: 3, registrationsPerIpPerHour: 20 };

function setup() {
  let now = Date.parse("2026-11-22T10:00:00Z");
  const cache = new MemoryKeyValueStore({ prefix: "t", clock: { now: () => now } });
  return { throttle: new MfaThrottle(cache, config), advance: (ms: number) => (now += ms) };
}

describe("MFA throttle", () => {
  it("refuses every attempt past the limit until the window ends, reporting the first refusal once", async () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) expect(await throttle.attempt("u")).toEqual({ allowed: true });
    expect(await throttle.attempt("u")).toMatchObject({ allowed: false, firstRefusal: true, retryAfterMs: 15 * 60_000 });
    expect(await throttle.attempt("u")).toMatchObject({ allowed: false, firstRefusal: false });
    expect(await throttle.retryAfter("u")).toBe(15 * 60_000);
    expect(await throttle.attempt("v")).toEqual({ allowed: true });
    advance(15 * 60_000);
    expect(await throttle.retryAfter("u")).toBeNull();
    expect(await throttle.attempt("u")).toEqual({ allowed: true });
  });

  it("counts concurrent attempts exactly: no more than the limit get through", async () => {
    const { throttle } = setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => throttle.attempt("u")));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it("gives a right code's count back, so only wrong codes use up the limit", async () => {
    const { throttle } = setup();
    for (let i = 0; i < 10; i++) {
      expect((await throttle.attempt("u")).allowed).toBe(true);
      await throttle.succeeded("u");
    }
    expect(await throttle.retryAfter("u")).toBeNull();
  });

  it("never leaves a negative count when the window ended between attempt and success", async () => {
    const { throttle, advance } = setup();
    await throttle.attempt("u");
    advance(15 * 60_000);
    await throttle.succeeded("u");
    for (let i = 0; i < 3; i++) expect((await throttle.attempt("u")).allowed).toBe(true);
    expect((await throttle.attempt("u")).allowed).toBe(false);
  });
});
