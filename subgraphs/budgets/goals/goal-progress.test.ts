import { describe, expect, it } from "vitest";

import { assertAutoSaveTerms, autoSaveAmount, divideHalfAwayFromZero } from "./auto-save-amount.js";
import { assertWithdrawable, calendarDate, ceilDiv, goalProgress, monthsUntil, savedOf, statusOf } from "./goal-progress.js";

const goal = (savedMinor: bigint, targetDate: string | null = "2027-05-01", targetMinor = 120_000n) => ({
  targetMinor,
  savedMinor,
  startDate: "2026-11-01",
  targetDate,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe("goal progress", () => {
  it("sums movements, contributions and withdrawals alike", () => {
    expect(savedOf([10_000n, 2_550n, -550n])).toBe(12_000n);
    expect(savedOf([])).toBe(0n);
  });

  it("spreads what remains over the months to the target month, rounded up to the cent", () => {
    // 1000.00 to go over Nov→May = 6 months: 166.666… → 166.67.
    const p = goalProgress(goal(20_000n), "2026-11-15");
    expect(p).toMatchObject({ savedMinor: 20_000n, remainingMinor: 100_000n, monthsRemaining: 6, requiredPerMonthMinor: 16_667n });
    expect(p.requiredPerMonthMinor! * 6n >= p.remainingMinor).toBe(true);
  });

  it("needs at least one month, also this month and past the deadline", () => {
    expect(monthsUntil("2026-11-15", "2026-11-30")).toBe(1);
    expect(monthsUntil("2026-11-15", "2026-10-01")).toBe(1);
    expect(monthsUntil("2026-12-31", "2027-01-01")).toBe(1);
    expect(monthsUntil("2026-11-15", "2027-11-01")).toBe(12);
    expect(goalProgress(goal(100_000n, "2026-10-01"), "2026-11-15").requiredPerMonthMinor).toBe(20_000n);
  });

  it("has no required amount without a target date, and needs nothing more once reached", () => {
    expect(goalProgress(goal(0n, null), "2026-11-15")).toMatchObject({
      requiredPerMonthMinor: null,
      monthsRemaining: null,
      status: "ON_TRACK",
    });
    expect(goalProgress(goal(130_000n), "2026-11-15")).toMatchObject({
      remainingMinor: 0n,
      requiredPerMonthMinor: 0n,
      status: "REACHED",
      percent: 108.3,
    });
  });

  it("floors the percentage so 100 means reached", () => {
    expect(goalProgress(goal(119_999n), "2026-11-15").percent).toBe(99.9);
    expect(goalProgress(goal(120_000n), "2026-11-15").percent).toBe(100);
    expect(goalProgress(goal(40_000n), "2026-11-15").percent).toBe(33.3);
    expect(goalProgress(goal(0n), "2026-11-15").percent).toBe(0);
  });

  it("is on track while saved keeps up with the straight line from the start day to the deadline", () => {
    // 2026-11-01 → 2027-05-01 is 181 days; on 2027-02-01 (92 days in) 120000 × 92 / 181 ≈ 60994 is due.
    expect(statusOf(goal(60_994n), "2027-02-01")).toBe("BEHIND");
    expect(statusOf(goal(60_995n), "2027-02-01")).toBe("ON_TRACK");
    expect(statusOf(goal(0n), "2026-11-01")).toBe("ON_TRACK");
    expect(statusOf(goal(0n), "2026-10-01")).toBe("ON_TRACK");
    expect(statusOf(goal(119_999n), "2027-05-01")).toBe("BEHIND");
    expect(statusOf(goal(119_999n), "2030-01-01")).toBe("BEHIND");
    expect(statusOf(goal(120_000n), "2030-01-01")).toBe("REACHED");
  });

  it("expects everything at once from a goal due the day it starts", () => {
    expect(statusOf({ ...goal(0n, "2026-11-01"), startDate: "2026-11-01" }, "2026-11-01")).toBe("BEHIND");
  });

  it("refuses a withdrawal below zero with BAD_USER_INPUT", () => {
    expect(() => assertWithdrawable(500n, 500n)).not.toThrow();
    expect(code(() => assertWithdrawable(500n, 501n))).toBe("BAD_USER_INPUT");
  });

  it("reads calendar dates strictly", () => {
    expect(calendarDate("2028-02-29", "d")).toBe("2028-02-29");
    for (const bad of ["2027-02-29", "2026-13-01", "2026-1-01", "1899-12-31", "2101-01-01", "", 20261101, null]) {
      expect(
        code(() => calendarDate(bad, "d")),
        String(bad),
      ).toBe("BAD_USER_INPUT");
    }
  });

  it("divides up exactly", () => {
    expect(ceilDiv(0n, 3n)).toBe(0n);
    expect(ceilDiv(7n, 7n)).toBe(1n);
    expect(ceilDiv(8n, 7n)).toBe(2n);
  });
});

describe("auto-save amounts", () => {
  const percent = (bp: number) => ({ mode: "PERCENT" as const, percentBasisPoints: bp, amountMinor: null });
  const fixed = (minor: bigint) => ({ mode: "FIXED" as const, percentBasisPoints: null, amountMinor: minor });

  it("takes a share of the income, rounded half away from zero", () => {
    expect(autoSaveAmount(percent(1000), 250_000n)).toBe(25_000n);
    expect(autoSaveAmount(percent(1000), 5n)).toBe(1n); // 0.5 → 1
    expect(autoSaveAmount(percent(1000), 4n)).toBe(0n); // 0.4 → 0
    expect(autoSaveAmount(percent(1250), 333n)).toBe(42n); // 41.625 → 42
    expect(autoSaveAmount(percent(10_000), 12_345n)).toBe(12_345n);
    expect(autoSaveAmount(percent(1), 9_007_199_254_740_993_000n)).toBe(900_719_925_474_099n); // beyond float precision, exact
  });

  it("saves a fixed amount, never more than came in, and nothing from no income", () => {
    expect(autoSaveAmount(fixed(5_000n), 250_000n)).toBe(5_000n);
    expect(autoSaveAmount(fixed(5_000n), 3_000n)).toBe(3_000n);
    expect(autoSaveAmount(fixed(5_000n), 0n)).toBe(0n);
    expect(autoSaveAmount(percent(1000), -100n)).toBe(0n);
  });

  it("rounds negative quotients away from zero too", () => {
    expect(divideHalfAwayFromZero(-5n, 10n)).toBe(-1n);
    expect(divideHalfAwayFromZero(-4n, 10n)).toBe(0n);
    expect(divideHalfAwayFromZero(15n, 10n)).toBe(2n);
  });

  it("refuses terms that do not fit their mode", () => {
    expect(() => assertAutoSaveTerms(percent(1))).not.toThrow();
    expect(() => assertAutoSaveTerms(fixed(1n))).not.toThrow();
    for (const bad of [
      percent(0),
      percent(10_001),
      percent(2.5),
      { ...percent(100), amountMinor: 5n },
      fixed(0n),
      fixed(-1n),
      { ...fixed(5n), percentBasisPoints: 10 },
      { mode: "PERCENT" as const, percentBasisPoints: null, amountMinor: null },
    ]) {
      expect(
        code(() => assertAutoSaveTerms(bad)),
        JSON.stringify(bad, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)),
      ).toBe("BAD_USER_INPUT");
    }
  });
});
