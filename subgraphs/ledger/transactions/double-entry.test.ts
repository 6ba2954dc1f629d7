import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { money } from "../../../platform/money/index.js";
import { assertBalanced, checkSplits, entryPostings, impliedRate, transferPostings } from "./double-entry.js";

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

/** The error a client sees for a refused input: its code, the field it names and the message. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions?: { code?: string; field?: string }; message: string };
    return { code: extensions?.code, field: extensions?.field, message };
  }
  throw new Error("expected a refusal");
};
const split = (amountMinor: bigint, categoryId: string | null = null) => ({ categoryId, amountMinor, memo: "" });

describe("double entry: what a refused split tells the client", () => {
  it("names the field of each refusal, and the offending split by its 1-based position", () => {
    expect(refusal(() => checkSplits(-100n, []))).toMatchObject({ code: "BAD_USER_INPUT", field: "splits" });
    expect(refusal(() => checkSplits(-100n, [split(-99n)]))).toMatchObject({ code: "BAD_USER_INPUT", field: "splits" });
    expect(refusal(() => checkSplits(-100n, [split(-150n), split(50n)]))).toEqual({
      code: "BAD_USER_INPUT",
      field: "splits.1.amount",
      message: "split 2 must be non-zero and have the transaction's sign",
    });
  });

  it("refuses a zero split in an income too, where its sign alone would pass", () => {
    expect(refusal(() => checkSplits(100n, [split(0n), split(100n)]))).toMatchObject({ field: "splits.0.amount" });
    expect(refusal(() => checkSplits(100n, [split(150n), split(-50n)]))).toMatchObject({ field: "splits.1.amount" });
  });

  it("takes up to 50 splits and refuses a 51st", () => {
    expect(() =>
      checkSplits(
        -50n,
        Array.from({ length: 50 }, () => split(-1n)),
      ),
    ).not.toThrow();
    expect(
      refusal(() =>
        checkSplits(
          -51n,
          Array.from({ length: 51 }, () => split(-1n)),
        ),
      ),
    ).toEqual({
      code: "BAD_USER_INPUT",
      field: "splits",
      message: "at most 50 splits",
    });
  });

  it("refuses bad splits of an entry as the client's error, before any leg is built", () => {
    expect(refusal(() => entryPostings("acc", money(-100n, "EUR"), [split(-60n), split(-30n)]))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "splits",
    });
  });
});

describe("double entry: the legs written", () => {
  it("gives the account leg of an entry no memo: split memos stay on their category legs", () => {
    const [account, category] = entryPostings("acc", money(2500n, "EUR"), [{ categoryId: "pay", amountMinor: 2500n, memo: "June" }]);
    expect(account).toEqual({ role: "ACCOUNT", accountId: "acc", categoryId: null, amountMinor: 2500n, currency: "EUR", memo: "" });
    expect(category).toEqual({ role: "CATEGORY", accountId: null, categoryId: "pay", amountMinor: -2500n, currency: "EUR", memo: "June" });
  });

  it("writes a cross-currency transfer as two account legs and two trading legs, none with a memo", () => {
    expect(transferPostings("usd", money(10000n, "USD"), "jpy", money(14950n, "JPY"))).toEqual([
      { role: "ACCOUNT", accountId: "usd", categoryId: null, amountMinor: -10000n, currency: "USD", memo: "" },
      { role: "ACCOUNT", accountId: "jpy", categoryId: null, amountMinor: 14950n, currency: "JPY", memo: "" },
      { role: "TRADING", accountId: null, categoryId: null, amountMinor: 10000n, currency: "USD", memo: "" },
      { role: "TRADING", accountId: null, categoryId: null, amountMinor: -14950n, currency: "JPY", memo: "" },
    ]);
  });

  it("refuses unbalanced legs as a bug, naming the currency and how far off it is", () => {
    const leg = (amountMinor: bigint, currency: string) => ({
      role: "ACCOUNT" as const,
      accountId: "a",
      categoryId: null,
      amountMinor,
      currency,
      memo: "",
    });
    const balanced = [leg(-300n, "EUR"), leg(100n, "EUR"), leg(200n, "EUR"), leg(7n, "USD"), leg(-7n, "USD")];
    expect(assertBalanced(balanced)).toBe(balanced);
    expect(() => assertBalanced([leg(-300n, "EUR"), leg(100n, "EUR"), leg(199n, "EUR")])).toThrow(
      "unbalanced postings: EUR legs sum to -1",
    );
    const error = (() => {
      try {
        assertBalanced([leg(5n, "EUR"), leg(-5n, "EUR"), leg(2n, "USD")]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toHaveProperty("extensions");
    expect((error as Error).message).toBe("unbalanced postings: USD legs sum to 2");
  });
});
