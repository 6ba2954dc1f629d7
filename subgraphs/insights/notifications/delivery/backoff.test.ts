import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryDelayMs } from "./backoff.js";

describe("retry backoff with full jitter", () => {
  it("stays within [0, min(cap, base·2^(n−1))) for any attempt and draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = retryDelayMs(attempt, () => r);
        const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(1, ceiling));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it("doubles the ceiling per attempt until the 6 h cap", () => {
    const top = (n: number) => retryDelayMs(n, () => 0.999999);
    expect(top(1)).toBe(29_999);
    expect(top(2)).toBe(59_999);
    expect(top(3)).toBe(119_999);
    expect(top(30)).toBe(Math.floor(0.999999 * BACKOFF_CAP_MS));
    expect(retryDelayMs(5, () => 0)).toBe(0);
  });
});
