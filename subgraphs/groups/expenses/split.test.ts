import { describe, expect, it } from "vitest";

import { money } from "../../../platform/money/index.js";
import { inGroupCurrency, paidAmounts, type SplitPart, splitShares } from "./split.js";

// Members join in the order a, b, c, d: that order breaks ties and orders every result.
const rank = (memberId: string) => ["a", "b", "c", "d"].indexOf(memberId);
const usd = (minor: number) => money(BigInt(minor), "USD");
const parts = (values: Record<string, string | null>): SplitPart[] =>
  Object.entries(values).map(([memberId, value]) => ({ memberId, value }));
const shares = (result: { memberId: string; amountMinor: bigint }[]) => Object.fromEntries(result.map((r) => [r.memberId, r.amountMinor]));
const order = (result: { memberId: string }[]) => result.map((r) => r.memberId);

/** Runs `run`, expecting BAD_USER_INPUT on `field`; returns the message. */
function rejection(run: () => unknown, field: string): string {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field } });
    return (error as Error).message;
  }
  throw new Error("expected a BAD_USER_INPUT error");
}

describe("EQUAL splits", () => {
  it("gives the extra cent of 100.00 ÷ 3 to the first member in rank order, whatever the listing order", () => {
    const result = splitShares(usd(100_00), "EQUAL", parts({ c: null, a: null, b: "ignored" }), rank);
    expect(result).toEqual([
      { memberId: "a", amountMinor: 33_34n },
      { memberId: "b", amountMinor: 33_33n },
      { memberId: "c", amountMinor: 33_33n },
    ]);
    expect(splitShares(usd(100_00), "EQUAL", parts({ b: null, c: null, a: null }), rank)).toEqual(result);
  });

  it("splits in whole yen (exponent 0) and in fils (KWD, exponent 3)", () => {
    expect(shares(splitShares(money(1000n, "JPY"), "EQUAL", parts({ a: null, b: null, c: null }), rank))).toEqual({
      a: 334n,
      b: 333n,
      c: 333n,
    });
    expect(shares(splitShares(money(1_000n, "KWD"), "EQUAL", parts({ a: null, b: null, c: null }), rank))).toEqual({
      a: 334n,
      b: 333n,
      c: 333n,
    });
    expect(shares(splitShares(money(2n, "JPY"), "EQUAL", parts({ c: null, b: null, a: null }), rank))).toEqual({ a: 1n, b: 1n, c: 0n });
  });

  it("breaks equal ranks by member id", () => {
    const sameRank = () => 0;
    expect(order(splitShares(usd(1_01), "EQUAL", parts({ y: null, x: null }), sameRank))).toEqual(["x", "y"]);
    expect(shares(splitShares(usd(1_01), "EQUAL", parts({ y: null, x: null }), sameRank))).toEqual({ x: 51n, y: 50n });
  });
});

describe("SHARES splits", () => {
  it("weights 1 and 2 give a third and two thirds, the odd cent to the larger remainder", () => {
    expect(shares(splitShares(usd(100_00), "SHARES", parts({ b: "2", a: "1" }), rank))).toEqual({ a: 33_33n, b: 66_67n });
  });

  it("takes weights with up to two decimals, and zero for some members", () => {
    expect(shares(splitShares(usd(100_00), "SHARES", parts({ a: "1.5", b: "0.5", c: "0" }), rank))).toEqual({
      a: 75_00n,
      b: 25_00n,
      c: 0n,
    });
    expect(shares(splitShares(usd(10_00), "SHARES", parts({ a: "0.25", b: " 0.75 " }), rank))).toEqual({ a: 2_50n, b: 7_50n });
  });

  it.each([["1.555"], ["-1"], ["1e3"], [""], ["abc"], ["1234567"]])("rejects the weight %j on split.parts", (value) => {
    rejection(() => splitShares(usd(100), "SHARES", parts({ a: "1", b: value }), rank), "split.parts");
  });

  it("rejects a missing weight and all-zero weights", () => {
    rejection(() => splitShares(usd(100), "SHARES", parts({ a: "1", b: null }), rank), "split.parts");
    expect(rejection(() => splitShares(usd(100), "SHARES", parts({ a: "0", b: "0.00" }), rank), "split.parts")).toMatch(/above zero/);
  });
});

describe("EXACT splits", () => {
  it("keeps the amounts given, zero included", () => {
    expect(shares(splitShares(usd(100_00), "EXACT", parts({ b: "40", a: "60.00", c: "0" }), rank))).toEqual({
      a: 60_00n,
      b: 40_00n,
      c: 0n,
    });
    expect(shares(splitShares(money(1_500n, "KWD"), "EXACT", parts({ a: "1.001", b: "0.499" }), rank))).toEqual({ a: 1_001n, b: 499n });
  });

  it("says both sums when the parts do not add up", () => {
    const message = rejection(() => splitShares(usd(100_00), "EXACT", parts({ a: "60.00", b: "30.00" }), rank), "split.parts");
    expect(message).toBe("EXACT parts add up to 90.00 but the amount is 100.00 USD");
  });

  it("rejects too many decimals for the currency, negatives and missing values", () => {
    expect(rejection(() => splitShares(usd(100_00), "EXACT", parts({ a: "33.333", b: "66.667" }), rank), "split.parts")).toMatch(
      /at most 2 decimal/,
    );
    expect(rejection(() => splitShares(money(3n, "JPY"), "EXACT", parts({ a: "1.5", b: "1.5" }), rank), "split.parts")).toMatch(
      /at most 0 decimal/,
    );
    rejection(() => splitShares(usd(100), "EXACT", parts({ a: "-1.00", b: "2.00" }), rank), "split.parts");
    rejection(() => splitShares(usd(100), "EXACT", parts({ a: "1.00", b: null }), rank), "split.parts");
  });
});

describe("PERCENT splits", () => {
  it("3333/3333/3334 basis points of 100.00 and of 10.00 (the cent to the largest remainder)", () => {
    const thirds = parts({ a: "3333", b: "3333", c: "3334" });
    expect(shares(splitShares(usd(100_00), "PERCENT", thirds, rank))).toEqual({ a: 33_33n, b: 33_33n, c: 33_34n });
    expect(shares(splitShares(usd(10_00), "PERCENT", thirds, rank))).toEqual({ a: 3_33n, b: 3_33n, c: 3_34n });
  });

  it("needs the parts to add up to 10000", () => {
    expect(rejection(() => splitShares(usd(100), "PERCENT", parts({ a: "5000", b: "4999" }), rank), "split.parts")).toMatch(/9999/);
    rejection(() => splitShares(usd(100), "PERCENT", parts({ a: "5000", b: "5001" }), rank), "split.parts");
  });

  it.each([["33.33"], ["-1"], ["10001"], [null], ["1e4"]])("rejects the value %j on split.parts", (value) => {
    rejection(() => splitShares(usd(100), "PERCENT", parts({ a: "10000", b: value }), rank), "split.parts");
  });
});

describe("every split", () => {
  it("rejects no parts, more than 500, and a member listed twice on split.parts", () => {
    rejection(() => splitShares(usd(100), "EQUAL", [], rank), "split.parts");
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, value: null }));
    const byNumber = (id: string) => Number(id.slice(1));
    expect(splitShares(usd(100_00), "EQUAL", many(500), byNumber)).toHaveLength(500);
    rejection(() => splitShares(usd(100_00), "EQUAL", many(501), byNumber), "split.parts");
    const twice = [...parts({ a: null, b: null }), { memberId: "a", value: null }];
    expect(rejection(() => splitShares(usd(100), "EQUAL", twice, rank), "split.parts")).toMatch(/"a" twice/);
  });

  it("rejects a zero or negative amount on amount", () => {
    rejection(() => splitShares(usd(0), "EQUAL", parts({ a: null }), rank), "amount");
    rejection(() => splitShares(usd(-100), "EQUAL", parts({ a: null }), rank), "amount");
  });
});

describe("paidAmounts", () => {
  const paid = (entries: Record<string, string>) => Object.entries(entries).map(([memberId, amount]) => ({ memberId, amount }));

  it("lists payers in rank order with their amounts", () => {
    expect(paidAmounts(usd(100_00), paid({ c: "25", a: "75.00" }), rank)).toEqual([
      { memberId: "a", amountMinor: 75_00n },
      { memberId: "c", amountMinor: 25_00n },
    ]);
  });

  it("says both sums when payers do not add up", () => {
    expect(rejection(() => paidAmounts(usd(100_00), paid({ a: "50", b: "49.99" }), rank), "paidBy")).toBe(
      "payers paid 99.99 in all but the amount is 100.00 USD",
    );
  });

  it("rejects zero, negative, over-precise, duplicate and missing payers on paidBy", () => {
    rejection(() => paidAmounts(usd(100_00), paid({ a: "100", b: "0" }), rank), "paidBy");
    rejection(() => paidAmounts(usd(100_00), paid({ a: "101", b: "-1" }), rank), "paidBy");
    rejection(() => paidAmounts(usd(100_00), paid({ a: "99.999", b: "0.001" }), rank), "paidBy");
    rejection(() => paidAmounts(usd(100_00), [...paid({ a: "50" }), ...paid({ a: "50" })], rank), "paidBy");
    rejection(() => paidAmounts(usd(100_00), [], rank), "paidBy");
  });
});

describe("inGroupCurrency", () => {
  it("converts the total once and spreads it over the lines, which still add up", () => {
    const lines = splitShares(usd(100_00), "EQUAL", parts({ a: null, b: null, c: null }), rank);
    const result = inGroupCurrency(lines, usd(100_00), "0.9", "EUR", rank);
    expect(result.total).toEqual(money(90_00n, "EUR"));
    expect(shares(result.lines)).toEqual({ a: 30_00n, b: 30_00n, c: 30_00n });
    // The expense keeps both: the original lines still add up to 100.00 USD.
    expect(lines.reduce((s, l) => s + l.amountMinor, 0n)).toBe(100_00n);
  });

  it("handles both exponents (JPY → USD, USD → KWD) and zero lines", () => {
    const jpy = inGroupCurrency(
      [
        { memberId: "b", amountMinor: 333n },
        { memberId: "a", amountMinor: 667n },
        { memberId: "c", amountMinor: 0n },
      ],
      money(1000n, "JPY"),
      "0.0067",
      "USD",
      rank,
    );
    expect(jpy).toEqual({
      total: money(6_70n, "USD"),
      lines: [
        { memberId: "a", amountMinor: 4_47n },
        { memberId: "b", amountMinor: 2_23n },
        { memberId: "c", amountMinor: 0n },
      ],
    });
    const kwd = inGroupCurrency([{ memberId: "a", amountMinor: 10_00n }], usd(10_00), "0.30712", "KWD", rank);
    expect(kwd.total).toEqual(money(3_071n, "KWD"));
  });

  it("rejects a rate that is not a positive decimal, or that makes the amount zero, on exchangeRate", () => {
    const lines = [{ memberId: "a", amountMinor: 1n }];
    rejection(() => inGroupCurrency(lines, money(1n, "JPY"), "abc", "USD", rank), "exchangeRate");
    rejection(() => inGroupCurrency(lines, money(1n, "JPY"), "0", "USD", rank), "exchangeRate");
    expect(rejection(() => inGroupCurrency(lines, money(1n, "JPY"), "0.001", "USD", rank), "exchangeRate")).toMatch(/smallest USD unit/);
  });

  it("refuses lines that do not add up to the total: a caller's bug, not user input", () => {
    expect(() => inGroupCurrency([{ memberId: "a", amountMinor: 5n }], usd(6), "1", "EUR", rank)).toThrow(/add up/);
  });
});

describe("refusal messages", () => {
  // Shown next to the control named by the field, so each says what a valid value looks like.
  it("say what is wrong with the members listed", () => {
    expect(rejection(() => splitShares(usd(100), "EQUAL", [], rank), "split.parts")).toBe("the split lists no member");
    expect(rejection(() => paidAmounts(usd(100), [], rank), "paidBy")).toBe("paidBy lists no member");
    const many = Array.from({ length: 501 }, (_, i) => ({ memberId: `m${i}`, value: null }));
    expect(rejection(() => splitShares(usd(100_00), "EQUAL", many, (id) => Number(id.slice(1))), "split.parts")).toBe(
      "the split lists 501 members; at most 500",
    );
  });

  it("say what a valid part is, for each mode", () => {
    const refused = (mode: "SHARES" | "EXACT" | "PERCENT", values: Record<string, string | null>) =>
      rejection(() => splitShares(usd(100_00), mode, parts(values), rank), "split.parts");
    expect(refused("SHARES", { a: "1", b: "1.555" })).toBe(
      'member "b": a SHARES weight is a decimal like "1" or "1.5" (at most 2 decimals)',
    );
    expect(refused("EXACT", { a: "100.00", b: null })).toBe('member "b" needs an amount');
    expect(refused("EXACT", { a: "-1.00", b: "101.00" })).toBe('member "a": an EXACT part must not be negative');
    const percent = 'member "b": a PERCENT part is whole basis points from 0 to 10000 (2500 = 25%)';
    for (const value of ["10001", "33.33", "-1", null]) expect(refused("PERCENT", { a: "5000", b: value })).toBe(percent);
    expect(refused("PERCENT", { a: "0", b: "0" })).toBe("PERCENT parts add up to 0 basis points, not 10000");
  });

  it("say the amount and the payers must be more than zero", () => {
    expect(rejection(() => splitShares(usd(0), "EQUAL", parts({ a: null }), rank), "amount")).toBe(
      "an expense's amount must be more than zero",
    );
    expect(
      rejection(
        () =>
          paidAmounts(
            usd(100),
            [
              { memberId: "a", amount: "1.00" },
              { memberId: "b", amount: "0" },
            ],
            rank,
          ),
        "paidBy",
      ),
    ).toBe('member "b" must have paid more than zero');
  });

  it("paidAmounts refuses a zero amount on amount, whatever the payers say", () => {
    rejection(() => paidAmounts(usd(0), [{ memberId: "a", amount: "0" }], rank), "amount");
  });
});

describe("inGroupCurrency limits", () => {
  it("refuses a converted amount beyond what a bigint column holds, and takes the largest one it holds", () => {
    const lines = [{ memberId: "a", amountMinor: 999_999_999_999_999n }];
    expect(rejection(() => inGroupCurrency(lines, usd(999_999_999_999_999), "10000", "EUR", rank), "exchangeRate")).toBe(
      "at this rate the amount is too large in EUR",
    );
    const largest = 10n ** 18n - 1n;
    const yen = inGroupCurrency([{ memberId: "a", amountMinor: largest }], money(largest, "JPY"), "1", "JPY", rank);
    expect(yen.total).toEqual(money(largest, "JPY"));
  });

  it("refuses a zero total or a negative line even when the lines add up: a caller's bug, not user input", () => {
    expect(() => inGroupCurrency([{ memberId: "a", amountMinor: 0n }], usd(0), "1", "EUR", rank)).toThrow(/add up to a positive total/);
    const negative = [
      { memberId: "a", amountMinor: 7n },
      { memberId: "b", amountMinor: -2n },
    ];
    expect(() => inGroupCurrency(negative, usd(5), "1", "EUR", rank)).toThrow(/non-negative lines/);
  });
});
