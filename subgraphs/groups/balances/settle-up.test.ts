import { describe, expect, it } from "vitest";

import type { MemberAmount } from "../members/member-order.js";
import { applyTransfers } from "./balances.js";
import { joinOrder } from "./settle-up.arbitraries.js";
import { EXACT_SETTLE_UP_LIMIT, greedyPlan, settlementPlan, type Transfer } from "./settle-up.js";
import { maxZeroSumPartition } from "./zero-sum-partition.js";

const rank = (memberId: string) => "abcdefghijklmnopqrstuvwxyz".indexOf(memberId);
const balances = (values: Record<string, number>): MemberAmount[] =>
  Object.entries(values).map(([memberId, amount]) => ({ memberId, amountMinor: BigInt(amount) }));
const numbered = (values: readonly bigint[]): MemberAmount[] => values.map((amountMinor, i) => ({ memberId: `m${i}`, amountMinor }));
const t = (fromMemberId: string, toMemberId: string, amount: number): Transfer => ({
  fromMemberId,
  toMemberId,
  amountMinor: BigInt(amount),
});
const allZero = (after: MemberAmount[]) => after.every((b) => b.amountMinor === 0n);

describe("settlementPlan, exact", () => {
  it("finds the two zero-sum groups a greedy plan misses: 4 transfers instead of 5", () => {
    // d is owed 4 by b and c; a and f are owed 3 and 6 by e.
    const owed = balances({ a: 3, b: -2, c: -2, d: 4, e: -9, f: 6 });
    expect(settlementPlan(owed, rank)).toEqual([t("b", "d", 2), t("c", "d", 2), t("e", "a", 3), t("e", "f", 6)]);
    expect(greedyPlan(owed, rank)).toHaveLength(5);
    expect(allZero(applyTransfers(owed, greedyPlan(owed, rank)))).toBe(true);
  });

  it("settles 2+2 = 4 and 3+3 = 6 as two groups", () => {
    const owed = balances({ a: 2, b: -4, c: -6, d: 2, e: 3, f: 3 });
    expect(settlementPlan(owed, rank)).toEqual([t("b", "a", 2), t("b", "d", 2), t("c", "e", 3), t("c", "f", 3)]);
    expect(greedyPlan(owed, rank)).toHaveLength(5);
  });

  it("needs n − 1 transfers when no part of the balances sums to zero (+5 +5 −3 −3 −4)", () => {
    const owed = balances({ a: 5, b: 5, c: -3, d: -3, e: -4 });
    const plan = settlementPlan(owed, rank);
    expect(plan).toHaveLength(4);
    expect(allZero(applyTransfers(owed, plan))).toBe(true);
  });

  it("pays exact opposites directly, skips settled members, and gives nothing when all are even", () => {
    expect(settlementPlan(balances({ a: -7, b: 0, c: 7 }), rank)).toEqual([t("a", "c", 7)]);
    expect(settlementPlan(balances({ a: 0, b: 0 }), rank)).toEqual([]);
    expect(settlementPlan([], rank)).toEqual([]);
  });

  it("gives the same plan for the same balances listed in any order, sorted by payer then payee", () => {
    const owed = balances({ a: 3, b: -2, c: -2, d: 4, e: -9, f: 6 });
    expect(settlementPlan([...owed].reverse(), rank)).toEqual(settlementPlan(owed, rank));
    expect(settlementPlan([owed[4]!, owed[0]!, owed[2]!, owed[5]!, owed[1]!, owed[3]!], rank)).toEqual(settlementPlan(owed, rank));
  });

  it("is exact at the limit: 20 members in four zero-sum groups of five settle with 16 transfers", () => {
    const group = [7n, 11n, 13n, -14n, -17n];
    const owed = numbered([1n, 100n, 10_000n, 1_000_000n].flatMap((scale) => group.map((v) => v * scale)));
    expect(owed.filter((b) => b.amountMinor !== 0n)).toHaveLength(EXACT_SETTLE_UP_LIMIT);
    const plan = settlementPlan(owed, joinOrder);
    expect(plan).toHaveLength(16);
    expect(allZero(applyTransfers(owed, plan))).toBe(true);
  });

  it("20 members with no zero-sum part settle with 19 transfers", () => {
    const values = Array.from({ length: 19 }, (_, i) => BigInt(2 ** i));
    const owed = numbered([...values, -values.reduce((a, b) => a + b, 0n)]);
    const plan = settlementPlan(owed, joinOrder);
    expect(plan).toHaveLength(19);
    expect(plan.every((p) => p.fromMemberId === "m19")).toBe(true);
  });

  it("stays exact with balances beyond 2^53 minor units, where doubles would merge 2^60 and 2^60 + 1", () => {
    const big = 2n ** 60n;
    const owed = numbered([big + 1n, -big, -1n]);
    const plan = settlementPlan(owed, joinOrder);
    expect(plan).toEqual([
      { fromMemberId: "m1", toMemberId: "m0", amountMinor: big },
      { fromMemberId: "m2", toMemberId: "m0", amountMinor: 1n },
    ]);
    expect(allZero(applyTransfers(owed, plan))).toBe(true);
  });
});

describe("settlementPlan above the exact limit", () => {
  it("uses the greedy plan: exact pairs first, then largest debtor to largest creditor", () => {
    // 21 members: ten exact pairs and one member already even, plus a three-way group.
    const pairs = Array.from({ length: 9 }, (_, i) => BigInt(i + 1) * 100n);
    const owed = numbered([...pairs, ...pairs.map((v) => -v), 5n, 6n, -11n, 0n]);
    expect(owed.filter((b) => b.amountMinor !== 0n).length).toBeGreaterThan(EXACT_SETTLE_UP_LIMIT);
    const plan = settlementPlan(owed, joinOrder);
    expect(plan).toEqual(greedyPlan(owed, joinOrder));
    expect(plan).toHaveLength(9 + 2);
    expect(plan).toContainEqual({ fromMemberId: "m9", toMemberId: "m0", amountMinor: 100n });
    expect(plan.filter((p) => p.fromMemberId === "m20")).toEqual([
      { fromMemberId: "m20", toMemberId: "m18", amountMinor: 5n },
      { fromMemberId: "m20", toMemberId: "m19", amountMinor: 6n },
    ]);
    expect(allZero(applyTransfers(owed, plan))).toBe(true);
  });

  it("greedy pays exact opposites first: 3 transfers where largest-first alone takes 4", () => {
    // Largest-first alone would send e's 8 to c and leave d and e a unit short each.
    expect(greedyPlan(balances({ a: 6, b: 2, c: 7, d: -7, e: -8 }), rank)).toEqual([t("d", "c", 7), t("e", "a", 6), t("e", "b", 2)]);
  });

  it("settles 200 members with at most 199 transfers", () => {
    const values = Array.from({ length: 199 }, (_, i) => BigInt(((i * 7919) % 2001) - 1000) || 1n);
    const owed = numbered([...values, -values.reduce((a, b) => a + b, 0n)]);
    const plan = settlementPlan(owed, joinOrder);
    expect(plan.length).toBeLessThanOrEqual(199);
    expect(allZero(applyTransfers(owed, plan))).toBe(true);
  });
});

describe("settlementPlan refuses inconsistent balances (a bug upstream, not user input)", () => {
  it("when they do not sum to zero, or list a member twice", () => {
    expect(() => settlementPlan(balances({ a: 5, b: -4 }), rank)).toThrow(/sum to 1/);
    expect(() => settlementPlan([...balances({ a: 5, b: -5 }), ...balances({ a: 0 })], rank)).toThrow(/two balances/);
    expect(() => settlementPlan(balances({ a: 5, b: -4 }), rank)).not.toThrow(expect.objectContaining({ extensions: expect.anything() }));
  });
});

describe("applyTransfers", () => {
  it("raises the payer's balance and lowers the payee's, adding members first seen at zero", () => {
    expect(applyTransfers(balances({ a: 5, b: -5 }), [t("b", "a", 3), t("c", "b", 1)])).toEqual(balances({ a: 2, b: -3, c: 1 }));
  });
});

describe("largest first, ties to the first member", () => {
  it("the largest debtor pays the largest creditor, then the next largest", () => {
    // One group (no part sums to zero): c pays a (the larger creditor) 4, d pays b 3 and a the last 1.
    expect(settlementPlan(balances({ a: 5, b: 3, c: -4, d: -4 }), rank)).toEqual([t("c", "a", 4), t("d", "a", 1), t("d", "b", 3)]);
  });

  it("breaks a tie between equal creditors by member order", () => {
    expect(settlementPlan(balances({ a: 3, b: 3, c: -2, d: -4 }), rank)).toEqual([t("c", "b", 2), t("d", "a", 3), t("d", "b", 1)]);
  });
});

describe("the exact limit counts members with a balance", () => {
  // Six members a greedy plan settles in 5 (the exact plan in 4), plus seven pairs of exact opposites.
  const twenty = {
    ...{ a: 3, b: -2, c: -2, d: 4, e: -9, f: 6 },
    ...{ g: 100, h: -100, i: 200, j: -200, k: 300, l: -300, m: 400, n: -400, o: 500, p: -500, q: 600, r: -600, s: 700, t: -700 },
  };

  it("at exactly 20 the plan is still the fewest transfers, where greedy needs one more", () => {
    expect(settlementPlan(balances(twenty), rank)).toHaveLength(4 + 7);
    expect(greedyPlan(balances(twenty), rank)).toHaveLength(5 + 7);
  });

  it("members already even do not count towards it", () => {
    const plan = settlementPlan(balances({ ...twenty, u: 0, v: 0 }), rank);
    expect(plan).toHaveLength(4 + 7);
    expect(plan.some((p) => p.fromMemberId === "u" || p.toMemberId === "v")).toBe(false);
  });
});

describe("greedyPlan pairs every exact match", () => {
  it("even when several creditors are owed the same amount", () => {
    // d and e each owe 5, a and b are each owed 5: two direct payments, then f and g pay c.
    expect(greedyPlan(balances({ a: 5, b: 5, c: 6, d: -5, e: -5, f: -3, g: -3 }), rank)).toEqual([
      t("d", "a", 5),
      t("e", "b", 5),
      t("f", "c", 3),
      t("g", "c", 3),
    ]);
  });
});

describe("exact plans beyond 2^53", () => {
  it("find every zero-sum group of huge balances: three groups of seven settle with 4 transfers", () => {
    const scale = 2n ** 55n;
    const owed = numbered([-5n, -5n, 4n, 5n, 4n, 5n, -8n].map((v) => v * scale));
    const plan = settlementPlan(owed, joinOrder);
    expect(plan).toHaveLength(4);
    expect(allZero(applyTransfers(owed, plan))).toBe(true);
  });
});

describe("maxZeroSumPartition", () => {
  it("refuses more than 24 values rather than allocate tables of 2^25 entries", () => {
    const values = Array.from({ length: 25 }, (_, i) => (i === 24 ? -24n : 1n));
    expect(() => maxZeroSumPartition(values)).toThrow(new RangeError("at most 24 values, got 25"));
  });
});
