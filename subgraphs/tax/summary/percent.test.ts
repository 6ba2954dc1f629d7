import { describe, expect, it } from "vitest";

import { percentOf, ratioPercent, stepsIn } from "./percent.js";

describe("percent helpers", () => {
  it("percentOf rounds once, half-up", () => {
    expect(percentOf(10n, "7.5")).toBe(1n);
    expect(percentOf(0n, "7.5")).toBe(0n);
    expect(percentOf(6n, "7.5")).toBe(0n);
    // 999,999,999,999,999,999 × 0.33333333 = 333,333,329,999,999,999.66666667: exact at 18 digits.
    expect(percentOf(999_999_999_999_999_999n, "33.333333")).toBe(333_333_330_000_000_000n);
    expect(percentOf(5n, "30")).toBe(2n);
  });

  it("ratioPercent has two decimals, half-up, and 0.00 without a positive whole", () => {
    expect(ratioPercent(1n, 8n)).toBe("12.50");
    expect(ratioPercent(1n, 3n)).toBe("33.33");
    expect(ratioPercent(2n, 3n)).toBe("66.67");
    expect(ratioPercent(1n, 80_000n)).toBe("0.00");
    // 1 / 800 = 0.125 %: a tie, up; 1 / 200,000 = 0.0005 %: rounds to nothing.
    expect(ratioPercent(1n, 800n)).toBe("0.13");
    expect(ratioPercent(1n, 200_000n)).toBe("0.00");
    expect(ratioPercent(1n, 1_999n)).toBe("0.05");
    expect(ratioPercent(5n, 0n)).toBe("0.00");
    expect(ratioPercent(5n, -10n)).toBe("0.00");
  });

  it("stepsIn counts a part of a step as a step", () => {
    expect(stepsIn(0n, 100n)).toBe(0n);
    expect(stepsIn(1n, 100n)).toBe(1n);
    expect(stepsIn(100n, 100n)).toBe(1n);
    expect(stepsIn(101n, 100n)).toBe(2n);
  });
});
