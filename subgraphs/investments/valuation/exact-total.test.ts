import { describe, expect, it } from "vitest";

import { addExact, asSafeNumber } from "./exact-total.js";

describe("exact integer arithmetic of the valuation walk", () => {
  it("keeps a number only while it is a safe integer", () => {
    expect(asSafeNumber(2n ** 53n - 1n)).toBe(2 ** 53 - 1);
    expect(asSafeNumber(2n ** 53n)).toBeNaN();
    expect(asSafeNumber(-(2n ** 53n) + 1n)).toBe(-(2 ** 53) + 1);
    // A product past 2^53 is never a safe integer, however the double rounded it.
    expect(Number.isSafeInteger(94_906_267 * 94_906_267)).toBe(false);
  });

  it("keeps a total exact past 2^53, where a double alone would round", () => {
    const totals = { small: [0], big: [0n] };
    addExact(totals, 0, Number.MAX_SAFE_INTEGER);
    addExact(totals, 0, 3);
    addExact(totals, 0, -1);
    expect(totals.big[0]! + BigInt(totals.small[0]!)).toBe(2n ** 53n - 1n + 3n - 1n);
    expect(totals.small[0]).toBe(-1);
  });
});
