import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { MemberAmount } from "../members/member-order.js";
import { applyTransfers } from "./balances.js";
import { bruteForceMinimum, groupBalances, joinOrder } from "./settle-up.arbitraries.js";
import { greedyPlan, settlementPlan, type Transfer } from "./settle-up.js";

/** Every balance even afterwards; each transfer positive, from someone who owed to someone owed. */
function expectSettles(balances: readonly MemberAmount[], plan: readonly Transfer[]): void {
  expect(applyTransfers(balances, plan).every((b) => b.amountMinor === 0n)).toBe(true);
  const before = new Map(balances.map((b) => [b.memberId, b.amountMinor]));
  for (const transfer of plan) {
    expect(transfer.amountMinor > 0n).toBe(true);
    expect(before.get(transfer.fromMemberId)! < 0n).toBe(true);
    expect(before.get(transfer.toMemberId)! > 0n).toBe(true);
  }
}

const nonZero = (balances: readonly MemberAmount[]) => balances.filter((b) => b.amountMinor !== 0n).length;
const shuffled = <T>(items: readonly T[]) =>
  fc.array(fc.double({ noNaN: true }), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, i) => ({ item, key: keys[i]! }))
      .sort((a, b) => a.key - b.key)
      .map((k) => k.item),
  );

describe("settle-up properties", () => {
  it("up to 8 members: the plan settles everyone with exactly the brute-force minimum of transfers", () => {
    fc.assert(
      fc.property(groupBalances(1, 8), (balances) => {
        const plan = settlementPlan(balances, joinOrder);
        expectSettles(balances, plan);
        expect(plan).toHaveLength(bruteForceMinimum(balances.map((b) => b.amountMinor)));
      }),
      { numRuns: 500 },
    );
  });

  it("up to 20 members: settles everyone, never more transfers than greedy, the same plan for any listing order", () => {
    const scenario = groupBalances(9, 20).chain((balances) => fc.tuple(fc.constant(balances), shuffled(balances)));
    fc.assert(
      fc.property(scenario, ([balances, reordered]) => {
        const plan = settlementPlan(balances, joinOrder);
        expectSettles(balances, plan);
        expect(plan.length).toBeLessThanOrEqual(greedyPlan(balances, joinOrder).length);
        expect(plan.length).toBeLessThanOrEqual(Math.max(0, nonZero(balances) - 1));
        expect(settlementPlan(reordered, joinOrder)).toEqual(plan);
      }),
      { numRuns: 40 },
    );
  });

  it("greedy, up to 60 members: settles everyone with at most n − 1 transfers, the same plan for any listing order", () => {
    const scenario = groupBalances(1, 60).chain((balances) => fc.tuple(fc.constant(balances), shuffled(balances)));
    fc.assert(
      fc.property(scenario, ([balances, reordered]) => {
        const plan = greedyPlan(balances, joinOrder);
        expectSettles(balances, plan);
        expect(plan.length).toBeLessThanOrEqual(Math.max(0, nonZero(balances) - 1));
        expect(greedyPlan(reordered, joinOrder)).toEqual(plan);
        if (nonZero(balances) > 20) expect(settlementPlan(balances, joinOrder)).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });
});
