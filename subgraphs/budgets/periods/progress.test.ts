import { describe, expect, it } from "vitest";

import { carryChain, type CarryResult, type Period, type PeriodFigures, progressOf, thresholdsCrossed } from "./index.js";

const thresholds = { warningPercent: 80, criticalPercent: 100 };
const november: Period = { start: "2026-11-01", end: "2026-11-30", days: 30 };
const months: Period[] = [
  { start: "2026-09-01", end: "2026-09-30", days: 30 },
  { start: "2026-10-01", end: "2026-10-31", days: 31 },
  november,
];
const figures = (...pairs: [bigint, bigint][]): PeriodFigures[] =>
  pairs.map(([budgetedMinor, spentMinor], i) => ({ period: months[i]!, budgetedMinor, spentMinor }));
const carry = (availableMinor: bigint, spentMinor: bigint, period = november): CarryResult => ({
  period,
  budgetedMinor: availableMinor,
  carriedInMinor: 0n,
  availableMinor,
  spentMinor,
  remainingMinor: availableMinor - spentMinor,
});

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  throw new Error("expected BAD_USER_INPUT");
}

describe("carry chain", () => {
  // 300.00 a month: 200.00 spent (100.00 left), then 450.00 spent (overspent), then 50.00 spent.
  const chain = figures([30000n, 20000n], [30000n, 45000n], [30000n, 5000n]);
  const carriedIn = (mode: "NONE" | "LEFTOVER" | "ENVELOPE") => carryChain(mode, chain).map((c) => c.carriedInMinor);

  it("NONE carries nothing", () => {
    expect(carriedIn("NONE")).toEqual([0n, 0n, 0n]);
    expect(carryChain("NONE", chain).map((c) => c.remainingMinor)).toEqual([10000n, -15000n, 25000n]);
  });

  it("LEFTOVER carries a positive remainder and never an overspend", () => {
    const result = carryChain("LEFTOVER", chain);
    expect(result.map((c) => c.carriedInMinor)).toEqual([0n, 10000n, 0n]);
    expect(result.map((c) => c.availableMinor)).toEqual([30000n, 40000n, 30000n]);
    expect(result.map((c) => c.remainingMinor)).toEqual([10000n, -5000n, 25000n]);
  });

  it("ENVELOPE carries the remainder whatever its sign", () => {
    const result = carryChain("ENVELOPE", chain);
    expect(result.map((c) => c.carriedInMinor)).toEqual([0n, 10000n, -5000n]);
    expect(result.map((c) => c.availableMinor)).toEqual([30000n, 40000n, 25000n]);
    expect(result.at(-1)!.remainingMinor).toBe(90000n - 70000n);
  });

  it("lets refunds (negative spending) grow what carries", () => {
    expect(carryChain("LEFTOVER", figures([10000n, -2500n], [10000n, 0n])).map((c) => c.carriedInMinor)).toEqual([0n, 12500n]);
  });

  it("is empty for no periods and refuses gaps, negative budgets and unknown modes", () => {
    expect(carryChain("ENVELOPE", [])).toEqual([]);
    const gap = [figures([1n, 0n])[0]!, { period: november, budgetedMinor: 1n, spentMinor: 0n }];
    expect(fieldOf(() => carryChain("ENVELOPE", gap))).toBe("periods");
    expect(fieldOf(() => carryChain("NONE", figures([-1n, 0n])))).toBe("budgetedMinor");
    expect(fieldOf(() => carryChain("NONE", [{ period: november, budgetedMinor: 1n, spentMinor: 1.5 as unknown as bigint }]))).toBe(
      "spentMinor",
    );
    expect(fieldOf(() => carryChain("ROLL" as "NONE", figures([1n, 0n])))).toBe("rollover");
    expect(fieldOf(() => carryChain("NONE", [{ period: { ...november, days: 31 }, budgetedMinor: 1n, spentMinor: 0n }]))).toBe(
      "periods[0].period",
    );
  });
});

describe("progress", () => {
  it("works through 300.00 budgeted with 120.00 spent by the 10th of a 30-day period", () => {
    const progress = progressOf(carry(30000n, 12000n), "2026-11-10", thresholds);
    expect(progress.percentUsed).toBe(40);
    expect(progress.daysRemaining).toBe(21); // the 10th..30th
    expect(progress.averageDailySpendMinor).toBe(1200n); // 120.00 over 10 days
    expect(progress.projectedSpendMinor).toBe(36000n); // 120.00 + 12.00 × 20 days after today
    expect(progress.status).toBe("WARNING"); // only 40% used, but on course for 360.00 of 300.00
    expect(progress.remainingMinor).toBe(18000n);
  });

  it("is on track when the projection fits", () => {
    const progress = progressOf(carry(30000n, 9000n), "2026-11-10", thresholds);
    expect(progress.projectedSpendMinor).toBe(27000n);
    expect(progress.status).toBe("ON_TRACK");
  });

  it("warns at the warning threshold and is exceeded at the critical one, exactly", () => {
    expect(progressOf(carry(30000n, 23999n), "2026-11-30", thresholds).status).toBe("ON_TRACK");
    expect(progressOf(carry(30000n, 24000n), "2026-11-30", thresholds).status).toBe("WARNING");
    expect(progressOf(carry(30000n, 29999n), "2026-11-30", thresholds).status).toBe("WARNING");
    expect(progressOf(carry(30000n, 30000n), "2026-11-30", thresholds).status).toBe("EXCEEDED");
  });

  it("rounds the daily average half away from zero, refunds included", () => {
    expect(progressOf(carry(30000n, 1005n), "2026-11-02", thresholds).averageDailySpendMinor).toBe(503n);
    expect(progressOf(carry(30000n, 1003n), "2026-11-02", thresholds).averageDailySpendMinor).toBe(502n);
    expect(progressOf(carry(30000n, -1005n), "2026-11-02", thresholds).averageDailySpendMinor).toBe(-503n);
    expect(progressOf(carry(30000n, 10000n), "2026-11-03", thresholds).averageDailySpendMinor).toBe(3333n);
  });

  it("treats a past period as complete and a future one as untouched", () => {
    const past = progressOf(carry(30000n, 31000n), "2026-12-01", thresholds);
    expect(past).toMatchObject({ daysRemaining: 0, averageDailySpendMinor: 1033n, projectedSpendMinor: 31000n, status: "EXCEEDED" });
    const future = progressOf(carry(30000n, 0n), "2026-10-31", thresholds);
    expect(future).toMatchObject({ daysRemaining: 30, averageDailySpendMinor: 0n, projectedSpendMinor: 0n, status: "ON_TRACK" });
  });

  it("counts the first and last days of the current period", () => {
    expect(progressOf(carry(30000n, 100n), "2026-11-01", thresholds)).toMatchObject({ daysRemaining: 30, projectedSpendMinor: 3000n });
    expect(progressOf(carry(30000n, 100n), "2026-11-30", thresholds)).toMatchObject({ daysRemaining: 1, projectedSpendMinor: 100n });
  });

  it("with nothing available, is exceeded only when short, and reads 100% then", () => {
    expect(progressOf(carry(0n, 1n), "2026-11-10", thresholds)).toMatchObject({ status: "EXCEEDED", percentUsed: 100 });
    expect(progressOf(carry(0n, 0n), "2026-11-10", thresholds)).toMatchObject({ status: "ON_TRACK", percentUsed: 0 });
    // An envelope overdrawn by earlier periods is short before anything is spent...
    expect(progressOf(carry(-5000n, 0n), "2026-11-10", thresholds)).toMatchObject({ status: "EXCEEDED", percentUsed: 100 });
    // ...until refunds cover the hole.
    expect(progressOf(carry(-5000n, -6000n), "2026-12-10", thresholds)).toMatchObject({ status: "ON_TRACK", percentUsed: 0 });
  });

  it("shows percentages to one decimal, past 100 and below 0", () => {
    expect(progressOf(carry(30000n, 10000n), "2026-11-10", thresholds).percentUsed).toBe(33.3);
    expect(progressOf(carry(30000n, 20000n), "2026-11-10", thresholds).percentUsed).toBe(66.7);
    expect(progressOf(carry(30000n, 45000n), "2026-11-10", thresholds).percentUsed).toBe(150);
    expect(progressOf(carry(30000n, -1000n), "2026-11-10", thresholds).percentUsed).toBe(-3.3);
  });

  it("refuses bad thresholds, dates and periods", () => {
    expect(fieldOf(() => progressOf(carry(1n, 0n), "2026-11-10", { warningPercent: 0, criticalPercent: 100 }))).toBe("warningPercent");
    expect(fieldOf(() => progressOf(carry(1n, 0n), "2026-11-10", { warningPercent: 80.5, criticalPercent: 100 }))).toBe("warningPercent");
    expect(fieldOf(() => progressOf(carry(1n, 0n), "2026-11-10", { warningPercent: 90, criticalPercent: 80 }))).toBe("criticalPercent");
    expect(fieldOf(() => progressOf(carry(1n, 0n), "10/11/2026", thresholds))).toBe("today");
    expect(fieldOf(() => progressOf(carry(1n, 0n, { ...november, days: 29 }), "2026-11-10", thresholds))).toBe("period");
  });
});

describe("thresholdsCrossed", () => {
  it("reports actual spending only, so a projection neither fires nor re-arms an alert", () => {
    const progress = progressOf(carry(30000n, 12000n), "2026-11-10", thresholds);
    expect(progress.status).toBe("WARNING");
    expect(thresholdsCrossed(progress, thresholds)).toEqual({ warning: false, critical: false });
  });

  it("re-arms when a refund or more money brings spending back under", () => {
    expect(thresholdsCrossed(carry(30000n, 24000n), thresholds)).toEqual({ warning: true, critical: false });
    expect(thresholdsCrossed(carry(30000n, 23000n), thresholds)).toEqual({ warning: false, critical: false });
    expect(thresholdsCrossed(carry(30000n, 30000n), thresholds)).toEqual({ warning: true, critical: true });
    expect(thresholdsCrossed(carry(40000n, 30000n), thresholds)).toEqual({ warning: false, critical: false });
  });

  it("treats crossing critical as crossing warning too", () => {
    expect(thresholdsCrossed(carry(30000n, 28500n), { warningPercent: 95, criticalPercent: 95 })).toEqual({
      warning: true,
      critical: true,
    });
    expect(thresholdsCrossed(carry(0n, 1n), thresholds)).toEqual({ warning: true, critical: true });
  });
});
