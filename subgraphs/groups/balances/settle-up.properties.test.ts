import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bruteForceMinimum, groupBalances, joinOrder, shuffled } from "./settle-up.arbitraries.js";
import { expectSettles, nonZero } from "./settle-up.expectations.js";
import { greedyPlan, settlementPlan } from "./settle-up.js";

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
