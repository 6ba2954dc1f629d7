import { describe, expect, it } from "vitest";

import { MemoryKeyValueStore } from "../../../platform/cache/index.js";
import { addressKey, HourlyLimit } from "./email-throttle.js";

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { extensions?: { code?: string } }) => e.extensions?.code,
  );

describe("hourly e-mail limits", () => {
  it("refuses past the limit per subject with RATE_LIMITED and a retry-after, then reopens after the hour", async () => {
    let now = Date.parse("2026-11-22T10:00:00Z");
    const limit = new HourlyLimit(new MemoryKeyValueStore({ prefix: "t", clock: { now: () => now } }), "email:reset:ip", 3);
    for (let i = 0; i < 3; i++) expect(await codeOf(limit.hit("6.6.6.6"))).toBe("OK");
    const refused = await limit.hit("6.6.6.6").catch((e: { extensions: Record<string, unknown> }) => e.extensions);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 3600 });
    expect(await codeOf(limit.hit("7.7.7.7"))).toBe("OK");
    now += 3_600_000 + 1;
    expect(await codeOf(limit.hit("6.6.6.6"))).toBe("OK");
  });

  it("keys addresses by hash, never by the address itself", () => {
    expect(addressKey("dana@example.com")).not.toContain("dana");
    expect(addressKey("dana@example.com")).toBe(addressKey("dana@example.com"));
    expect(addressKey("dana@example.com")).not.toBe(addressKey("erin@example.com"));
  });
});
