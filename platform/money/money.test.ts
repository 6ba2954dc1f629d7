import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allocate, convert, currencyExponent, formatAmount, parseAmount } from "./money.js";

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
    for (const [amount, currency] of [
      ["1e3", "USD"],
      ["12.345", "USD"],
      ["1.5", "JPY"],
      ["abc", "USD"],
      ["", "USD"],
      ["1", "XYZ"],
      ["1", "US"],
      ["1".repeat(40), "USD"],
      ["NaN", "USD"],
    ] as const) {
      expect(() => parseAmount(amount, currency), `${amount} ${currency}`).toThrowError(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
    }
  });

  it("formats and parses as exact inverses for any amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.constantFrom("USD", "JPY", "KWD", "EUR"),
        (minor, currency) => {
          const text = formatAmount({ amountMinor: minor, currency });
          expect(parseAmount(text, currency).amountMinor).toBe(minor);
        },
      ),
    );
  });
});

describe("allocate", () => {
  it("splits by largest remainder so parts always sum to the whole", () => {
    expect(allocate({ amountMinor: 100n, currency: "USD" }, [1n, 1n, 1n]).map((m) => m.amountMinor)).toEqual([34n, 33n, 33n]);
    expect(allocate({ amountMinor: -100n, currency: "USD" }, [1n, 1n, 1n]).map((m) => m.amountMinor)).toEqual([-34n, -33n, -33n]);
    // 1.5 and 3.5: equal remainders, the first part takes the leftover unit.
    expect(allocate({ amountMinor: 5n, currency: "JPY" }, [3n, 7n]).map((m) => m.amountMinor)).toEqual([2n, 3n]);
    expect(allocate({ amountMinor: 10n, currency: "USD" }, [1n, 2n]).map((m) => m.amountMinor)).toEqual([3n, 7n]);
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = allocate({ amountMinor: total, currency: "EUR" }, weights);
          expect(parts.reduce((a, p) => a + p.amountMinor, 0n)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0n);
          // Each part is within one minor unit of its exact share.
          parts.forEach((p, i) => {
            const exact = (total * weights[i]!) / sum;
            expect(p.amountMinor - exact <= 1n && exact - p.amountMinor <= 1n).toBe(true);
          });
        },
      ),
    );
  });
});

describe("convert", () => {
  it("converts with a decimal rate across exponents and rounds once", () => {
    expect(convert({ amountMinor: 1000n, currency: "USD" }, "0.9234", "EUR")).toEqual({ amountMinor: 923n, currency: "EUR" });
    expect(convert({ amountMinor: 1000n, currency: "USD" }, "151.235", "JPY")).toEqual({ amountMinor: 1512n, currency: "JPY" });
    expect(convert({ amountMinor: 1500n, currency: "JPY" }, "0.0066", "USD")).toEqual({ amountMinor: 990n, currency: "USD" });
    expect(convert({ amountMinor: -1005n, currency: "USD" }, "0.5", "EUR")).toEqual({ amountMinor: -503n, currency: "EUR" });
    expect(convert({ amountMinor: 1n, currency: "KWD" }, "2.5", "USD")).toEqual({ amountMinor: 0n, currency: "USD" });
  });

  it("refuses zero, negative and float-notation rates", () => {
    for (const rate of ["0", "0.000", "-1.2", "1e3", "abc", ""]) {
      expect(() => convert({ amountMinor: 100n, currency: "USD" }, rate, "EUR"), rate).toThrowError(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
    }
  });
});
