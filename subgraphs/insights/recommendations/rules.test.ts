import { describe, expect, it } from "vitest";

import { overrunStreaks, recommend, type RecommendationInput } from "./rules.js";

const base: RecommendationInput = {
  currency: "USD",
  monthlySpendingMinor: 200_000n,
  monthsOfHistory: 6,
  liquidMinor: 1_000_000n,
  checkingMinor: 300_000n,
  overruns: [],
  increases: [],
  loans: [],
};
const overrun = (start: string, end: string, budgetId = "b1") => ({
  budgetId,
  periodStart: start,
  periodEnd: end,
  spentMinor: 55_000n,
  availableMinor: -5_000n,
  currency: "USD",
});

describe("recommendations", () => {
  it("finds a streak of three exceeded periods in a row, not three with a gap", () => {
    const streak = [overrun("2026-01-01", "2026-01-31"), overrun("2026-02-01", "2026-02-28"), overrun("2026-03-01", "2026-03-31")];
    expect(overrunStreaks(streak)).toHaveLength(1);
    expect(overrunStreaks([streak[0]!, streak[2]!, overrun("2026-05-01", "2026-05-31")])).toEqual([]);
    const [advice] = recommend({ ...base, overruns: streak });
    // 550.00 spent of 500.00 (available −50.00) each month.
    expect(advice).toMatchObject({ key: "budget-streak:b1:2026-03-01", kind: "BUDGET_OVERRUN_STREAK" });
    expect(advice!.figures[0]).toEqual({ label: "2026-01-01 to 2026-01-31", value: "550.00 USD spent of 500.00 USD" });
  });

  it("warns when cash covers less than three months of spending, with the shortfall", () => {
    const advice = recommend({ ...base, liquidMinor: 450_000n, checkingMinor: 100_000n });
    expect(advice.map((a) => a.kind)).toEqual(["EMERGENCY_FUND_LOW"]);
    // 3 × 2,000.00 = 6,000.00 against 4,500.00: 1,500.00 short.
    expect(advice[0]!.figures.at(-1)).toEqual({ label: "short by", value: "1500.00 USD" });
    expect(recommend({ ...base, monthsOfHistory: 2, liquidMinor: 0n })).toEqual([]);
  });

  it("suggests prepaying a borrowed loan at 7 % or more from cash beyond the emergency fund, with the interest saved", () => {
    const loans = [
      { loanId: "l1", name: "Car", outstandingMinor: 300_000n, annualRatePercent: "9.5" },
      { loanId: "l2", name: "Mortgage", outstandingMinor: 30_000_000n, annualRatePercent: "3.1" },
    ];
    const advice = recommend({ ...base, loans }).filter((a) => a.kind === "HIGH_INTEREST_LOAN");
    // Spare: 10,000.00 − 6,000.00 = 4,000.00; prepay min(4,000.00, 3,000.00) = 3,000.00 at 9.5 % = 285.00 a year.
    expect(advice).toHaveLength(1);
    expect(advice[0]!.figures.at(-1)).toEqual({ label: "interest saved in a year by prepaying that", value: "285.00 USD" });
  });

  it("points out idle cash in checking beyond two months of spending", () => {
    const advice = recommend({ ...base, checkingMinor: 700_000n }).filter((a) => a.kind === "IDLE_CASH");
    expect(advice[0]!.figures.at(-1)).toEqual({ label: "could move", value: "3000.00 USD" });
    expect(recommend({ ...base, checkingMinor: 400_000n }).filter((a) => a.kind === "IDLE_CASH")).toEqual([]);
  });

  it("reports a subscription's price increase with its yearly cost", () => {
    const [advice] = recommend({
      ...base,
      increases: [{ merchant: "streamflix", fromMinor: 999n, toMinor: 1299n, date: "2026-02-03", yearlyIncreaseMinor: 3600n }],
    });
    expect(advice).toMatchObject({ key: "subscription-increase:streamflix:2026-02-03", kind: "SUBSCRIPTION_PRICE_INCREASE" });
    expect(advice!.figures).toEqual([
      { label: "before", value: "9.99 USD" },
      { label: "now", value: "12.99 USD" },
      { label: "more a year", value: "36.00 USD" },
    ]);
  });
});
