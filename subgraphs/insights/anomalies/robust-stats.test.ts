import { describe, expect, it } from "vitest";

import { doubledMad, doubledMedian, mad, median, percentileNearestRank, roundedQuotient } from "./robust-stats.js";

describe("robust statistics", () => {
  it("the median of an odd count is the middle amount; of an even count, halfway between the middle two", () => {
    expect(median([500n, 100n, 300n]).toString()).toBe("300");
    expect(median([100n, 550n, 551n, 900n]).toString()).toBe("550.5");
    expect(doubledMedian([100n, 550n, 551n, 900n])).toBe(1101n);
  });

  it("the MAD is the median distance from the median, exact to a half", () => {
    // median 3; distances 2, 0, 1, 1, 3 → 1
    expect(mad([1n, 3n, 2n, 4n, 6n]).toString()).toBe("1");
    // median 2.5; distances 1.5, 0.5, 0.5, 1.5 → 1
    expect(mad([1n, 2n, 3n, 4n]).toString()).toBe("1");
    // median 2.5; distances 2.5, 1.5, 0.5, 7.5, 8.5, 0.5 → 2
    expect(mad([0n, 1n, 2n, 10n, 11n, 3n]).toString()).toBe("2");
    // median 0.5; distances 0.5, 0.5, 0.5, 1.5 → 0.5
    expect(doubledMad([0n, 0n, 1n, 2n])).toBe(1n);
    expect(mad([0n, 0n, 1n, 2n]).toString()).toBe("0.5");
    // median 1; distances 1, 1, 0, 0, 0, 3 → 0.5
    expect(mad([0n, 0n, 1n, 1n, 1n, 4n]).toString()).toBe("0.5");
  });

  it("a MAD of many equal amounts is zero however far the rest are", () => {
    expect(mad([550n, 550n, 550n, 4200n]).toString()).toBe("0");
  });

  it("stays exact far beyond a double's precision", () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1
    expect(median([big, big + 2n]).toString()).toBe("9007199254740994");
    expect(median([big, big + 1n]).toString()).toBe("9007199254740993.5");
  });

  it("the nearest-rank percentile is an amount from the list", () => {
    const values = Array.from({ length: 20 }, (_, i) => BigInt((i + 1) * 100));
    expect(percentileNearestRank(values, 95)).toBe(1900n);
    expect(percentileNearestRank(values, 100)).toBe(2000n);
    expect(percentileNearestRank([7n], 95)).toBe(7n);
    expect(() => percentileNearestRank([], 95)).toThrow(RangeError);
    expect(() => median([])).toThrow(RangeError);
  });

  it("rounds a doubled statistic half away from zero", () => {
    expect(roundedQuotient(1101n, 2n)).toBe(551n);
    expect(roundedQuotient(-1101n, 2n)).toBe(-551n);
    expect(roundedQuotient(1100n, 4n)).toBe(275n);
    expect(roundedQuotient(1101n, 4n)).toBe(275n);
  });
});
