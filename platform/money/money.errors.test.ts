import { describe, expect, it } from "vitest";

import { allocate, convert, formatAmount, normalizeCurrency, parseAmount } from "./money.js";

// What a client sees when its input is refused: the code, the offending field and a message that
// quotes (a bounded slice of) what it sent. Also the edges the happy-path tests do not reach.
const refusal = (field: string | undefined, message: string | RegExp) =>
  expect.objectContaining({
    message: expect.stringMatching(message),
    extensions: expect.objectContaining({ code: "BAD_USER_INPUT", ...(field ? { field } : {}) }),
  });

const usd = (amountMinor: bigint) => ({ amountMinor, currency: "USD" });

describe("money: refusals name the field and quote the input", () => {
  it("an unknown currency quotes at most 8 characters of the code", () => {
    expect(() => normalizeCurrency("dollars-of-oz")).toThrowError(refusal("currency", /^unknown currency "dollars-"$/));
    expect(normalizeCurrency(" eur ")).toBe("EUR");
  });

  it("a malformed amount quotes at most 32 characters; excess precision names the currency's places", () => {
    expect(() => parseAmount(`1e${"9".repeat(40)}`, "USD")).toThrowError(
      refusal("amount", new RegExp(`^amount must be a decimal string like "12.34", got "1e${"9".repeat(30)}"$`)),
    );
    expect(() => parseAmount("12.345", "USD")).toThrowError(refusal("amount", /^USD allows at most 2 decimal places$/));
    expect(() => parseAmount("1.5", "JPY")).toThrowError(refusal("amount", /^JPY allows at most 0 decimal places$/));
  });

  it("allocation refusals say why, a negative weight among positive ones included", () => {
    expect(() => allocate(usd(10n), [])).toThrowError(refusal(undefined, /^nothing to allocate to$/));
    // Positive sum: only the negative-weight guard can refuse it.
    expect(() => allocate(usd(10n), [3n, -1n])).toThrowError(refusal(undefined, /^allocation weights must not be negative$/));
    expect(() => allocate(usd(10n), [0n, 5n, -2n, 1n])).toThrowError(refusal(undefined, /must not be negative/));
    expect(() => allocate(usd(10n), [0n, 0n])).toThrowError(refusal(undefined, /^allocation weights must not all be zero$/));
  });

  it("a zero rate in any spelling is refused and quoted up to 32 characters", () => {
    for (const rate of ["00", "00.00", "000.0", " 0 ", "0."])
      expect(() => convert(usd(100n), rate, "EUR"), JSON.stringify(rate)).toThrowError(
        refusal("rate", /^exchange rate must be a positive decimal/),
      );
    expect(() => convert(usd(100n), "x".repeat(40), "EUR")).toThrowError(
      refusal("rate", new RegExp(`^exchange rate must be a positive decimal, got "${"x".repeat(32)}"$`)),
    );
  });
});

describe("money: edges", () => {
  it("zero formats without a sign; surrounding spaces are tolerated in amounts", () => {
    expect(formatAmount(usd(0n))).toBe("0.00");
    expect(formatAmount({ amountMinor: 0n, currency: "JPY" })).toBe("0");
    expect(formatAmount(usd(-5n))).toBe("-0.05");
    expect(parseAmount(" 12.30 ", "USD")).toEqual(usd(1230n));
  });

  it("converts at integer rates, rates with leading zeros and rates padded with spaces", () => {
    expect(convert(usd(1234n), "2", "EUR")).toEqual({ amountMinor: 2468n, currency: "EUR" });
    expect(convert(usd(1000n), "00.5", "EUR")).toEqual({ amountMinor: 500n, currency: "EUR" });
    expect(convert(usd(1000n), " 1.5 ", "EUR")).toEqual({ amountMinor: 1500n, currency: "EUR" });
    expect(convert(usd(0n), "1.5", "EUR")).toEqual({ amountMinor: 0n, currency: "EUR" });
  });

  it("ties between equal remainders go to the earlier parts however many parts there are", () => {
    // Past 22 elements V8 sorts by merging runs, where a comparator that ignores the index on ties
    // could hand the leftover to later parts: 40 equal weights and 7 units left over.
    const parts = allocate(usd(47n), Array<bigint>(40).fill(1n)).map((m) => m.amountMinor);
    expect(parts).toEqual([...Array<bigint>(7).fill(2n), ...Array<bigint>(33).fill(1n)]);
    // Alternating remainders: the larger ones (weight 1) first, then the earliest of the smaller ones.
    const weights = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 1n : 3n));
    const mixed = allocate(usd(100n), weights).map((m) => m.amountMinor);
    // 100·1/120 = 0.83, 100·3/120 = 2.5: the floors take 60, 40 are left: all 30 weight-1 parts, then the first 10 weight-3 parts.
    expect(mixed).toEqual(weights.map((w, i) => (w === 1n ? 1n : i < 20 ? 3n : 2n)));
  });
});
