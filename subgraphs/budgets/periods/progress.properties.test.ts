import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { carryChain, progressOf, thresholdsCrossed } from "./index.js";
import { dayOfIso, figuresChain, isoOfDay } from "./periods.arbitraries.js";

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
const thresholds = fc
  .tuple(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 0, max: 100 }))
  .map(([warningPercent, extra]) => ({ warningPercent, criticalPercent: warningPercent + extra }));

describe("carry chain properties", () => {
  it("ENVELOPE: the final remainder is everything budgeted less everything spent", () => {
    fc.assert(
      fc.property(figuresChain, (periods) => {
        const chain = carryChain("ENVELOPE", periods);
        const budgeted = sum(periods.map((p) => p.budgetedMinor));
        const spent = sum(periods.map((p) => p.spentMinor));
        expect(chain.at(-1)!.remainingMinor).toBe(budgeted - spent);
      }),
    );
  });

  it("LEFTOVER: carried in is never negative and is the previous positive remainder", () => {
    fc.assert(
      fc.property(figuresChain, (periods) => {
        const chain = carryChain("LEFTOVER", periods);
        chain.forEach((c, i) => {
          expect(c.carriedInMinor >= 0n).toBe(true);
          const previous = chain[i - 1]?.remainingMinor ?? 0n;
          expect(c.carriedInMinor).toBe(previous > 0n ? previous : 0n);
        });
      }),
    );
  });

  it("every mode: available = budgeted + carried in, remaining = available − spent; NONE carries 0", () => {
    fc.assert(
      fc.property(figuresChain, fc.constantFrom("NONE", "LEFTOVER", "ENVELOPE" as const), (periods, mode) => {
        carryChain(mode, periods).forEach((c, i) => {
          expect(c.period).toEqual(periods[i]!.period);
          expect(c.availableMinor).toBe(c.budgetedMinor + c.carriedInMinor);
          expect(c.remainingMinor).toBe(c.availableMinor - c.spentMinor);
          if (mode === "NONE" || i === 0) expect(c.carriedInMinor).toBe(0n);
        });
      }),
    );
  });
});

describe("progress properties", () => {
  const scenario = fc.tuple(figuresChain, fc.integer({ min: -40, max: 40 }), thresholds);

  it("days, averages and status agree with the exact figures", () => {
    fc.assert(
      fc.property(scenario, ([periods, offset, limits]) => {
        const carry = carryChain("ENVELOPE", periods).at(-1)!;
        const today = isoOfDay(dayOfIso(carry.period.start) + offset);
        const progress = progressOf(carry, today, limits);
        const elapsed = Math.min(Math.max(offset + 1, 0), carry.period.days);
        const { days } = carry.period;
        // Counting today: the whole period before it starts, none once it is over.
        expect(progress.daysRemaining).toBe(offset < 0 ? days : offset >= days ? 0 : days - offset);
        if (elapsed > 0) {
          // Rounded half away from zero: within half a day's worth of the exact average.
          const error = progress.averageDailySpendMinor * BigInt(elapsed) - carry.spentMinor;
          expect(2n * (error < 0n ? -error : error) <= BigInt(elapsed)).toBe(true);
        } else {
          expect(progress.averageDailySpendMinor).toBe(0n);
        }
        const crossed = thresholdsCrossed(progress, limits);
        expect(progress.status === "EXCEEDED").toBe(crossed.critical);
        if (crossed.warning && !crossed.critical) expect(progress.status).toBe("WARNING");
        if (progress.availableMinor > 0n) {
          expect(crossed.critical).toBe(progress.spentMinor * 100n >= progress.availableMinor * BigInt(limits.criticalPercent));
        }
      }),
    );
  });
});
