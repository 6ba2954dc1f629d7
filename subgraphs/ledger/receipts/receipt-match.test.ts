import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bestReceiptMatch, isReceiptMatch } from "./receipt-match.js";

const receipt = { amountMinor: -10_000n, currency: "EUR", date: "2026-03-10" };

describe("receipt match rule", () => {
  it("accepts amounts within 1 % and dates within 3 days, inclusive, and nothing beyond", () => {
    expect(isReceiptMatch(receipt, { ...receipt, amountMinor: -10_100n })).toBe(true);
    expect(isReceiptMatch(receipt, { ...receipt, amountMinor: -9_900n })).toBe(true);
    expect(isReceiptMatch(receipt, { ...receipt, amountMinor: -10_101n })).toBe(false);
    expect(isReceiptMatch(receipt, { ...receipt, amountMinor: -9_899n })).toBe(false);
    expect(isReceiptMatch(receipt, { ...receipt, date: "2026-03-13" })).toBe(true);
    expect(isReceiptMatch(receipt, { ...receipt, date: "2026-03-07" })).toBe(true);
    expect(isReceiptMatch(receipt, { ...receipt, date: "2026-03-14" })).toBe(false);
    expect(isReceiptMatch(receipt, { ...receipt, date: "2026-03-06" })).toBe(false);
    expect(isReceiptMatch({ ...receipt, date: "2026-02-27" }, { ...receipt, date: "2026-03-02" })).toBe(true);
  });

  it("never matches another currency or the opposite sign (a refund is no purchase)", () => {
    expect(isReceiptMatch(receipt, { ...receipt, currency: "USD" })).toBe(false);
    expect(isReceiptMatch(receipt, { ...receipt, amountMinor: 10_000n })).toBe(false);
  });

  it("is exactly |Δ| · 100 ≤ |amount| and |Δdays| ≤ 3 (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }),
        fc.integer({ min: -6, max: 6 }),
        (a, delta, days) => {
          const date = new Date(Date.UTC(2026, 0, 15 + days)).toISOString().slice(0, 10);
          const candidate = { amountMinor: -(a + delta), currency: "EUR", date };
          const expected = (delta < 0n ? -delta : delta) * 100n <= a && Math.abs(days) <= 3 && a + delta > 0n;
          expect(isReceiptMatch({ amountMinor: -a, currency: "EUR", date: "2026-01-15" }, candidate)).toBe(expected);
        },
      ),
    );
  });

  it("prefers the nearest date, then the nearest amount", () => {
    const candidates = [
      { id: "a", amountMinor: -10_000n, currency: "EUR", date: "2026-03-12" },
      { id: "b", amountMinor: -10_050n, currency: "EUR", date: "2026-03-11" },
      { id: "c", amountMinor: -10_010n, currency: "EUR", date: "2026-03-09" },
      { id: "d", amountMinor: -10_000n, currency: "EUR", date: "2026-03-20" },
    ];
    expect(bestReceiptMatch(receipt, candidates)?.id).toBe("c");
    expect(bestReceiptMatch(receipt, [candidates[3]!])).toBeNull();
  });
});
