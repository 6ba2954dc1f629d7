import { badInput } from "../../../platform/errors/index.js";

// Pure figures of a savings goal. Money is bigint minor units throughout; only `percent` is a
// number, and it is for display (decisions compare the exact bigints).

export const GOAL_STATUSES = ["REACHED", "ON_TRACK", "BEHIND"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface GoalFigures {
  /** > 0. */
  targetMinor: bigint;
  /** Sum of the goal's movements; never below zero (withdrawals are checked). */
  savedMinor: bigint;
  /** YYYY-MM-DD the straight line starts from: the day the goal was created (UTC). */
  startDate: string;
  /** YYYY-MM-DD or null (no deadline). */
  targetDate: string | null;
}

export interface GoalProgress {
  savedMinor: bigint;
  /** What is still missing, never negative. */
  remainingMinor: bigint;
  /** saved / target × 100, floored to one decimal so 100 appears only once the goal is reached. May exceed 100. */
  percent: number;
  /** Calendar months from today's month to the target date's month, at least 1; null without a target date. */
  monthsRemaining: number | null;
  /** remaining / monthsRemaining rounded up to the minor unit (paying it each month never falls short). */
  requiredPerMonthMinor: bigint | null;
  status: GoalStatus;
}

const DAY_MS = 86_400_000;
export { calendarDate, MAX_RECORD_DATE as MAX_DATE, MIN_RECORD_DATE as MIN_DATE, utcDay } from "../../../platform/time/index.js";

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const monthNumber = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Months left to save in: target month − today's month, at least 1 (a date this month or past still needs one). */
export function monthsUntil(today: string, targetDate: string): number {
  return Math.max(1, monthNumber(targetDate) - monthNumber(today));
}

/** ⌈a / b⌉ for a ≥ 0, b > 0. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (b <= 0n || a < 0n) throw new RangeError("ceilDiv needs a ≥ 0 and b > 0");
  return (a + b - 1n) / b;
}

export function savedOf(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

export function goalProgress(figures: GoalFigures, today: string): GoalProgress {
  const { targetMinor, savedMinor, targetDate } = figures;
  if (targetMinor <= 0n) throw new RangeError("a goal's target is positive");
  const remainingMinor = savedMinor >= targetMinor ? 0n : targetMinor - savedMinor;
  const percent = savedMinor <= 0n ? 0 : Number((savedMinor * 1000n) / targetMinor) / 10;
  const monthsRemaining = targetDate === null ? null : monthsUntil(today, targetDate);
  const requiredPerMonthMinor = monthsRemaining === null ? null : ceilDiv(remainingMinor, BigInt(monthsRemaining));
  return { savedMinor, remainingMinor, percent, monthsRemaining, requiredPerMonthMinor, status: statusOf(figures, today) };
}

/**
 * REACHED once saved ≥ target. Otherwise ON_TRACK without a deadline, or when saved is at least the
 * straight-line share of the target expected by today (from the start day to the target date);
 * BEHIND otherwise, which includes every missed deadline. Compared exactly: saved × total ≥ target × elapsed.
 */
export function statusOf(figures: GoalFigures, today: string): GoalStatus {
  const { targetMinor, savedMinor, startDate, targetDate } = figures;
  if (savedMinor >= targetMinor) return "REACHED";
  if (targetDate === null) return "ON_TRACK";
  const total = daysBetween(startDate, targetDate);
  // A deadline on (or before) the start day expects everything at once.
  if (total <= 0) return daysBetween(today, targetDate) > 0 ? "ON_TRACK" : "BEHIND";
  const elapsed = Math.min(Math.max(daysBetween(startDate, today), 0), total);
  return savedMinor * BigInt(total) >= targetMinor * BigInt(elapsed) ? "ON_TRACK" : "BEHIND";
}

/** A withdrawal may not take the goal below zero. `amountMinor` is the positive amount taken out. */
export function assertWithdrawable(savedMinor: bigint, amountMinor: bigint): void {
  if (amountMinor > savedMinor) throw badInput("cannot withdraw more than the goal holds", { field: "amount" });
}
