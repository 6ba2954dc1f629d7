import { describe, expect, it } from "vitest";

import { MemoryKeyValueStore } from "../../../platform/cache/index.js";
import { LoginThrottle } from "./login-throttle.js";

const config = { accountFailures: 3, ipFailures: 5, windowMinutes: 15, lockoutMinutes: 10, mfaFailures: 5, registrationsPerIpPerHour: 20 };

function setup() {
  let now = Date.parse("2026-11-22T10:00:00Z");
  const cache = new MemoryKeyValueStore({ prefix: "t", clock: { now: () => now } });
  return { throttle: new LoginThrottle(cache, config), advance: (ms: number) => (now += ms), now: () => new Date(now) };
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { extensions?: { code?: string } }) => e.extensions?.code,
  );

describe("login throttle", () => {
  it("locks an account after N failures for the lockout period, then lifts", async () => {
    const { throttle, advance, now } = setup();
    expect(await throttle.recordFailure("a@x.io", "1.1.1.1", now())).toBeUndefined();
    expect(await throttle.recordFailure("a@x.io", "2.2.2.2", now())).toBeUndefined();
    const until = await throttle.recordFailure("a@x.io", "3.3.3.3", now());
    expect(until?.toISOString()).toBe("2026-11-22T10:10:00.000Z");
    expect(await codeOf(throttle.assertAllowed("a@x.io", "9.9.9.9"))).toBe("RATE_LIMITED");
    expect(await throttle.lockedUntil("a@x.io", now())).toEqual(until);
    expect(await codeOf(throttle.assertAllowed("b@x.io", "9.9.9.9"))).toBe("OK");
    advance(10 * 60_000 + 1);
    expect(await codeOf(throttle.assertAllowed("a@x.io", "9.9.9.9"))).toBe("OK");
    expect(await throttle.lockedUntil("a@x.io", now())).toBeNull();
  });

  it("limits failures per IP across many accounts", async () => {
    const { throttle, advance, now } = setup();
    for (let i = 0; i < 5; i++) await throttle.recordFailure(`u${i}@x.io`, "6.6.6.6", now());
    expect(await codeOf(throttle.assertAllowed("fresh@x.io", "6.6.6.6"))).toBe("RATE_LIMITED");
    expect(await codeOf(throttle.assertAllowed("fresh@x.io", "7.7.7.7"))).toBe("OK");
    advance(15 * 60_000 + 1);
    expect(await codeOf(throttle.assertAllowed("fresh@x.io", "6.6.6.6"))).toBe("OK");
  });

  it("forgets failures after a success", async () => {
    const { throttle, now } = setup();
    await throttle.recordFailure("c@x.io", undefined, now());
    await throttle.recordFailure("c@x.io", undefined, now());
    await throttle.recordSuccess("c@x.io");
    expect(await throttle.recordFailure("c@x.io", undefined, now())).toBeUndefined();
    expect(await codeOf(throttle.assertAllowed("c@x.io", undefined))).toBe("OK");
  });

  it("lifts a lockout early on unlock (after a password reset)", async () => {
    const { throttle, now } = setup();
    for (let i = 0; i < 3; i++) await throttle.recordFailure("d@x.io", undefined, now());
    expect(await codeOf(throttle.assertAllowed("d@x.io", undefined))).toBe("RATE_LIMITED");
    await throttle.unlock("d@x.io");
    expect(await codeOf(throttle.assertAllowed("d@x.io", undefined))).toBe("OK");
  });
});
