import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { convert, money } from "../../../platform/money/index.js";
import { convertAt, convertByInverse, numericText, rateText } from "./conversion.js";

describe("conversion at a day's rate", () => {
  it("converts with a stored rate either way round, rounding once", () => {
    // 1 EUR = 1.0812 USD
    expect(convertAt(money(1000n, "EUR"), "USD", { rate: "1.0812", inverse: false })).toEqual(money(1081n, "USD"));
    expect(convertAt(money(1081n, "USD"), "EUR", { rate: "1.0812", inverse: true })).toEqual(money(1000n, "EUR"));
    // 1 USD = 149.5 JPY; 10,000 JPY is 66.89 USD
    expect(convertByInverse(money(10000n, "JPY"), "149.5", "USD")).toEqual(money(6689n, "USD"));
    expect(convertByInverse(money(-10000n, "JPY"), "149.5", "USD")).toEqual(money(-6689n, "USD"));
  });

  it("refuses rates that are not positive decimals", () => {
    for (const bad of ["0", "-1", "1e3", "abc", "0.000", "1.0000000000001"]) expect(() => rateText(bad)).toThrow();
    expect(numericText("1.0800")).toBe("1.08");
    expect(numericText("2.000")).toBe("2");
  });

  it("inverse of a rate undoes it within one minor unit (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 1, max: 99999 }), (minor, rateInt) => {
        const rate = (rateInt / 1000).toFixed(3);
        const there = convert(money(minor, "EUR"), rate, "USD");
        const back = convertByInverse(there, rate, "EUR");
        const error = back.amountMinor - minor;
        // Rounding to cents at a rate below 1 loses up to half a cent / rate on the way back.
        expect(error < 0n ? -error : error).toBeLessThanOrEqual(BigInt(Math.ceil(1 / Number(rate))) + 1n);
      }),
    );
  });
});
