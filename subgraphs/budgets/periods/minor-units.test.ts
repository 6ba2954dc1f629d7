import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { divideRoundingHalfAwayFromZero } from "./minor-units.js";

const abs = (n: bigint) => (n < 0n ? -n : n);

describe("divideRoundingHalfAwayFromZero", () => {
  it.each([
    [7n, 2n, 4n],
    [-7n, 2n, -4n],
    [7n, -2n, -4n],
    [-7n, -2n, 4n],
    [5n, 3n, 2n],
    [-5n, 3n, -2n],
    [4n, 3n, 1n],
    [4n, -3n, -1n],
    [0n, -3n, 0n],
  ])("%i / %i is %i", (numerator, denominator, expected) => {
    expect(divideRoundingHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });

  it("is within half of the exact quotient, a tie going away from zero, whatever the signs", () => {
    const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), nonZero, (numerator, denominator) => {
        const q = divideRoundingHalfAwayFromZero(numerator, denominator);
        // |q − n/d| ≤ ½, in integers: 2·|q·d − n| ≤ |d|.
        const error = 2n * abs(q * denominator - numerator);
        expect(error <= abs(denominator)).toBe(true);
        // On a tie the result is the one further from zero.
        if (error === abs(denominator)) expect(abs(q * denominator) > abs(numerator)).toBe(true);
        // Symmetric: flipping either sign flips the result.
        expect(divideRoundingHalfAwayFromZero(-numerator, denominator)).toBe(-q);
        expect(divideRoundingHalfAwayFromZero(numerator, -denominator)).toBe(-q);
      }),
    );
  });

  it("refuses to divide by zero", () => {
    expect(() => divideRoundingHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});
