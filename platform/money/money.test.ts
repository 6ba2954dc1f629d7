import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { currencyExponent, formatAmount, parseAmount } from "./money.js";

describe("money", () => {
  it("uses each currency's minor-unit exponent", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("KWD")).toBe(3);
    expect(parseAmount("12.3", "usd")).toEqual({ amountMinor: 1230n, currency: "USD" });
    expect(parseAmount("-0.005", "KWD")).toEqual({ amountMinor: -5n, currency: "KWD" });
    expect(parseAmount("1500", "JPY")).toEqual({ amountMinor: 1500n, currency: "JPY" });
  });

  it("rejects floats' notation, excess precision, unknown currencies and huge amounts with BAD_USER_INPUT", () => {
    for (const [amount, currency] of [["1e3", "USD"], ["12.345", "USD"], ["1.5", "JPY"], ["abc", "USD"], ["", "USD"], ["1", "XYZ"], ["1", "US"], ["1".repeat(40), "USD"], ["NaN", "USD"]] as const) {
      expect(() => parseAmount(amount, currency), `${amount} ${currency}`).toThrowError(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
    }
  });

  it("formats and parses as exact inverses for any amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.constantFrom("USD", "JPY", "KWD", "EUR"), (minor, currency) => {
        const text = formatAmount({ amountMinor: minor, currency });
        expect(parseAmount(text, currency).amountMinor).toBe(minor);
      }),
    );
  });
});
