import { describe, expect, it } from "vitest";

import { retryDelayMs } from "./mail-dispatcher.js";

describe("mail retry backoff", () => {
  it("starts at 30 s, doubles, and caps at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(50)).toBe(3_600_000);
  });
});
