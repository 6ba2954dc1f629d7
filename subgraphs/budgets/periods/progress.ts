import { badInput } from "../../../platform/errors/index.js";
import { daysFrom, parseCalendarDate } from "../../../platform/time/calendar-date.js";
import { assertPeriodShape, type CarryResult } from "./carry-chain.js";
import { divideRoundingHalfAwayFromZero } from "./minor-units.js";

export { carryChain, type CarryResult, type PeriodFigures, ROLLOVER_MODES, type RolloverMode } from "./carry-chain.js";

export type BudgetStatus = "ON_TRACK" | "WARNING" | "EXCEEDED";

/** Whole percentages of what is available, e.g. 80 and 100. */
export interface Thresholds {
  warningPercent: number;
  criticalPercent: number;
}

export interface Progress extends CarryResult {
  /**
   * spent / available × 100 to one decimal, for display only (decisions use exact bigint figures).
   * With nothing available (available ≤ 0) a ratio means nothing, so it reads 100 when the budget
   * is short (spent > available) and 0 otherwise. Negative when refunds outweigh spending.
   */
  percentUsed: number;
  /** Days left counting today; 0 for a past period, the full length for a future one. */
  daysRemaining: number;
  /** spent / days elapsed (today counts as elapsed), rounded half away from zero; 0 for a future period. */
  averageDailySpendMinor: bigint;
  /** Current period: spent + average daily × the days after today. Past or future: spent. */
  projectedSpendMinor: bigint;
  status: BudgetStatus;
}

export function progressOf(carry: CarryResult, today: string, thresholds: Thresholds): Progress {
  assertThresholds(thresholds);
  assertPeriodShape(carry.period, "period");
  const now = parseCalendarDate(today, "today");
  const start = parseCalendarDate(carry.period.start, "period.start");
  const end = parseCalendarDate(carry.period.end, "period.end");
  const { days } = carry.period;
  const phase = daysFrom(now, start) > 0 ? "FUTURE" : daysFrom(end, now) > 0 ? "PAST" : "CURRENT";

  const elapsed = phase === "FUTURE" ? 0 : phase === "PAST" ? days : daysFrom(start, now) + 1;
  const daysRemaining = phase === "FUTURE" ? days : phase === "PAST" ? 0 : daysFrom(now, end) + 1;
  const spent = carry.spentMinor;
  const averageDailySpendMinor = elapsed === 0 ? 0n : divideRoundingHalfAwayFromZero(spent, BigInt(elapsed));
  // Today is already in the average, so only the days after it are projected.
  const projectedSpendMinor = phase === "CURRENT" ? spent + averageDailySpendMinor * BigInt(daysRemaining - 1) : spent;

  const crossed = thresholdsCrossed(carry, thresholds);
  const projectedOver = phase === "CURRENT" && projectedSpendMinor > carry.availableMinor;
  const status: BudgetStatus = crossed.critical ? "EXCEEDED" : crossed.warning || projectedOver ? "WARNING" : "ON_TRACK";

  return {
    ...carry,
    percentUsed: percentUsed(spent, carry.availableMinor),
    daysRemaining,
    averageDailySpendMinor,
    projectedSpendMinor,
    status,
  };
}

/**
 * Which thresholds actual spending has reached, for firing an alert once and re-arming it when
 * spending falls back (a refund, or more carried in). Projections are left out on purpose: they
 * move every day and would fire and re-arm alerts with no new spending. Critical implies warning.
 */
export function thresholdsCrossed(
  progress: Pick<CarryResult, "availableMinor" | "spentMinor">,
  thresholds: Thresholds,
): { warning: boolean; critical: boolean } {
  assertThresholds(thresholds);
  const { spentMinor, availableMinor } = progress;
  const critical = reaches(spentMinor, availableMinor, thresholds.criticalPercent);
  return { warning: critical || reaches(spentMinor, availableMinor, thresholds.warningPercent), critical };
}

/** spent ≥ percent% of available, compared exactly. */
function reaches(spent: bigint, available: bigint, percent: number): boolean {
  // With nothing available every percentage of it is ≤ 0; count the budget as reached only when it
  // is actually short, so an untouched zero budget stays on track while an overdrawn envelope does not.
  if (available <= 0n) return spent > available;
  return spent * 100n >= available * BigInt(percent);
}

function percentUsed(spent: bigint, available: bigint): number {
  if (available <= 0n) return spent > available ? 100 : 0;
  return Number(divideRoundingHalfAwayFromZero(spent * 1000n, available)) / 10;
}

function assertThresholds({ warningPercent, criticalPercent }: Thresholds): void {
  if (!Number.isSafeInteger(warningPercent) || warningPercent < 1) {
    throw badInput("warningPercent must be a whole percentage, 1 or more", { field: "warningPercent" });
  }
  if (!Number.isSafeInteger(criticalPercent) || criticalPercent < warningPercent) {
    throw badInput("criticalPercent must be a whole percentage no lower than warningPercent", { field: "criticalPercent" });
  }
}
