import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { money } from "../../../platform/money/index.js";
import { checkSplits, entryPostings, impliedRate, transferPostings } from "./double-entry.js";

const sumBy = (legs: { currency: string; amountMinor: bigint }[]) => {
  const sums: Record<string, bigint> = {};
  for (const leg of legs) sums[leg.currency] = (sums[leg.currency] ?? 0n) + leg.amountMinor;
  return sums;
};

describe("double entry", () => {
  it("books an expense as the account leg and one category leg per split, summing to zero", () => {
    const legs = entryPostings("acc", money(-5000n, "EUR"), [
      { categoryId: "food", amountMinor: -3000n, memo: "" },
      { categoryId: "home", amountMinor: -2000n, memo: "soap" },
    ]);
    expect(legs.map((l) => [l.role, l.accountId ?? l.categoryId, l.amountMinor])).toEqual([
      ["ACCOUNT", "acc", -5000n],
      ["CATEGORY", "food", 3000n],
      ["CATEGORY", "home", 2000n],
    ]);
    expect(sumBy(legs)).toEqual({ EUR: 0n });
  });

  it("refuses splits that do not add up, change sign or are zero", () => {
    expect(() => checkSplits(-100n, [{ categoryId: null, amountMinor: -99n, memo: "" }])).toThrow(/add up/);
    expect(() =>
      checkSplits(-100n, [
        { categoryId: null, amountMinor: -150n, memo: "" },
        { categoryId: null, amountMinor: 50n, memo: "" },
      ]),
    ).toThrow(/sign/);
    expect(() =>
      checkSplits(-100n, [
        { categoryId: null, amountMinor: 0n, memo: "" },
        { categoryId: null, amountMinor: -100n, memo: "" },
      ]),
    ).toThrow(/non-zero/);
    expect(() => checkSplits(-100n, [])).toThrow(/at least one/);
  });

  it("balances a transfer across currencies with trading legs, per currency", () => {
    const legs = transferPostings("usd", money(10000n, "USD"), "jpy", money(14950n, "JPY"));
    expect(sumBy(legs)).toEqual({ USD: 0n, JPY: 0n });
    expect(legs.filter((l) => l.role === "ACCOUNT").map((l) => l.amountMinor)).toEqual([-10000n, 14950n]);
    expect(transferPostings("a", money(500n, "EUR"), "b", money(500n, "EUR"))).toHaveLength(2);
  });

  it("states the implied rate in major units, whatever the exponents", () => {
    expect(impliedRate(money(10000n, "USD"), money(14950n, "JPY"))).toBe("149.5");
    expect(impliedRate(money(100n, "EUR"), money(108n, "USD"))).toBe("1.08");
    expect(impliedRate(money(3000n, "USD"), money(1000n, "EUR"))).toBe("0.3333333333");
    expect(impliedRate(money(1000n, "KWD"), money(3250n, "USD"))).toBe("32.5");
  });

  it("always balances (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }), fc.boolean(), (parts, expense) => {
        const sign = expense ? -1n : 1n;
        const splits = parts.map((p, i) => ({ categoryId: `c${i}`, amountMinor: sign * p, memo: "" }));
        const total = splits.reduce((a, s) => a + s.amountMinor, 0n);
        expect(sumBy(entryPostings("acc", money(total, "USD"), splits))).toEqual({ USD: 0n });
      }),
    );
  });
});
