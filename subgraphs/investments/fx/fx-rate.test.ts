import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { convertAtRate, type FxRateOn, inverseRate, plainDecimal, rateText } from "./fx-rate.js";

const stored = (rate: string, inverse = false): FxRateOn => ({
  base: "EUR",
  quote: "USD",
  date: "2026-01-05",
  rate: inverse ? inverseRate(rate) : rate,
  inverse,
  stored: rate,
});

describe("FX rates", () => {
  it("are positive decimals in plain notation, without trailing zeros", () => {
    expect(rateText("1.0800")).toBe("1.08");
    expect(rateText(" 149.5 ")).toBe("149.5");
    expect(rateText("0.000000000001")).toBe("0.000000000001");
    for (const bad of ["0", "0.000", "-1.2", "1e3", "abc", "", "1.0000000000001", "1234567890123"])
      expect(() => rateText(bad), bad).toThrow();
    expect(plainDecimal("1.081200000000")).toBe("1.0812");
  });

  it("invert to 15 significant digits", () => {
    expect(inverseRate("1.25")).toBe("0.8");
    expect(inverseRate("149.5")).toBe("0.00668896321070234");
    expect(inverseRate("3")).toBe("0.333333333333333");
  });

  it("convert either way round, multiplying or dividing by the stored rate, rounding once half away from zero", () => {
    // 1 EUR = 1.0812 USD, stored that way.
    expect(convertAtRate({ amountMinor: 1000n, currency: "EUR" }, stored("1.0812"))).toEqual({ amountMinor: 1081n, currency: "USD" });
    expect(convertAtRate({ amountMinor: 1081n, currency: "USD" }, stored("1.0812"))).toEqual({ amountMinor: 1000n, currency: "EUR" });
    // Only 1 USD = 0.8 EUR was stored: EUR→USD divides by it.
    expect(convertAtRate({ amountMinor: 1000n, currency: "EUR" }, stored("0.8", true))).toEqual({ amountMinor: 1250n, currency: "USD" });
    expect(convertAtRate({ amountMinor: -1000n, currency: "EUR" }, stored("0.8", true))).toEqual({ amountMinor: -1250n, currency: "USD" });
    // Dividing by 3 never passes through the rounded 0.333...: 1.00 EUR at USD→EUR 3 is 0.33 USD, 2.00 is 0.67.
    expect(convertAtRate({ amountMinor: 200n, currency: "EUR" }, stored("3", true)).amountMinor).toBe(67n);
    // Ties go away from zero: 0.05 EUR × 1.5 = 0.075 USD.
    expect(convertAtRate({ amountMinor: 5n, currency: "EUR" }, stored("1.5")).amountMinor).toBe(8n);
    expect(convertAtRate({ amountMinor: -5n, currency: "EUR" }, stored("1.5")).amountMinor).toBe(-8n);
    expect(() => convertAtRate({ amountMinor: 5n, currency: "GBP" }, stored("1.5"))).toThrow(/converts EUR and USD/);
  });

  it("a stored rate and its inverse convert alike (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 1, max: 9_999_999 }), (minor, n) => {
        const rate = (n / 10_000).toString();
        // 1 EUR = rate USD stored directly, or 1 USD = 1/rate EUR stored the other way: both give the same USD.
        const direct = convertAtRate({ amountMinor: minor, currency: "EUR" }, stored(rate));
        const viaInverse = convertAtRate({ amountMinor: minor, currency: "EUR" }, { ...stored(inverseRate(rate), true) });
        const abs = (v: bigint) => (v < 0n ? -v : v);
        // The stored inverse has 15 significant digits: at most one unit in 10^14 of the result, and the last rounding.
        expect(abs(direct.amountMinor - viaInverse.amountMinor)).toBeLessThanOrEqual(1n + abs(direct.amountMinor) / 10n ** 14n);
      }),
    );
  });
});
