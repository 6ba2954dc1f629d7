import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { amounts, shift } from "./robust-stats.arbitraries.js";
import { doubledMad, doubledMedian, mad, median, StatsDecimal } from "./robust-stats.js";

/** The defining property, in doubled integers: at least half the values on either side. */
function splitsInHalves(values: readonly bigint[], doubled: bigint): boolean {
  const below = values.filter((v) => 2n * v <= doubled).length;
  const above = values.filter((v) => 2n * v >= doubled).length;
  return 2 * below >= values.length && 2 * above >= values.length;
}

/** A separate model: decimals sorted and averaged, no doubling. */
function modelMedian(values: readonly StatsDecimal[]): StatsDecimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : sorted[middle - 1]!.plus(sorted[middle]!).div(2);
}

describe("robust statistics properties", () => {
  it("the median splits the values in halves and equals a decimal model's, exactly", () => {
    fc.assert(
      fc.property(amounts, (values) => {
        expect(splitsInHalves(values, doubledMedian(values))).toBe(true);
        const model = modelMedian(values.map((v) => new StatsDecimal(v.toString())));
        expect(median(values).equals(model)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("the MAD equals the decimal model's median of distances, exactly (a half at most), and is never negative", () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const center = modelMedian(values.map((v) => new StatsDecimal(v.toString())));
        const model = modelMedian(values.map((v) => new StatsDecimal(v.toString()).minus(center).abs()));
        expect(mad(values).equals(model)).toBe(true);
        expect(doubledMad(values) >= 0n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("neither depends on the order of the values", () => {
    fc.assert(
      fc.property(
        amounts.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length }))),
        ([values, shuffled]) => {
          expect(doubledMedian(shuffled)).toBe(doubledMedian(values));
          expect(doubledMad(shuffled)).toBe(doubledMad(values));
        },
      ),
    );
  });

  it("moving every value moves the median alike and leaves the MAD; mirroring mirrors the median", () => {
    fc.assert(
      fc.property(amounts, shift, (values, by) => {
        const moved = values.map((v) => v + by);
        expect(doubledMedian(moved)).toBe(doubledMedian(values) + 2n * by);
        expect(doubledMad(moved)).toBe(doubledMad(values));
        const mirrored = values.map((v) => -v);
        expect(doubledMedian(mirrored)).toBe(-doubledMedian(values));
        expect(doubledMad(mirrored)).toBe(doubledMad(values));
      }),
      { numRuns: 300 },
    );
  });
});
