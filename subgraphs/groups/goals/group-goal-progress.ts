import { differenceInCalendarMonths } from "date-fns/differenceInCalendarMonths";

import { daysFrom, parseCalendarDate } from "../../../platform/time/index.js";

// The figures a group savings goal shows its members. Money is bigint minor units in the group's
// currency; only progressPercent is a number, for display (decisions compare exact bigints).

export type GroupGoalStatus = "REACHED" | "ON_TRACK" | "BEHIND";

export interface GroupGoalFigures {
  /** > 0. */
  targetMinor: bigint;
  /** Contributions less withdrawals; never below zero (withdrawals are checked under a row lock). */
  savedMinor: bigint;
  /** YYYY-MM-DD the straight line towards the deadline starts from: the goal's creation day. */
  createdDay: string;
  /** YYYY-MM-DD, or null for a goal without a deadline. */
  deadline: string | null;
  /** Members expected to chip in; fewer than one counts as one. */
  activeMembers: number;
}

export interface GroupGoalProgress {
  savedMinor: bigint;
  /** What is still missing, never negative. */
  remainingMinor: bigint;
  /** saved / target × 100 floored to one decimal: 100 only once reached, above 100 when oversaved. */
  progressPercent: number;
  /** What each member would put in every month, from this month to the deadline's month, rounded up; null without a deadline. */
  requiredPerMemberPerMonthMinor: bigint | null;
  status: GroupGoalStatus;
}

export function groupGoalProgress(figures: GroupGoalFigures, today: string): GroupGoalProgress {
  const { targetMinor, savedMinor, deadline } = figures;
  if (targetMinor <= 0n) throw new RangeError("a group goal's target is positive");
  const remainingMinor = savedMinor >= targetMinor ? 0n : targetMinor - savedMinor;
  const progressPercent = savedMinor <= 0n ? 0 : Number((savedMinor * 1000n) / targetMinor) / 10;
  const members = BigInt(Math.max(1, Math.floor(figures.activeMembers)));
  const requiredPerMemberPerMonthMinor =
    deadline === null ? null : ceilDiv(remainingMinor, BigInt(monthsToSave(today, deadline)) * members);
  return { savedMinor, remainingMinor, progressPercent, requiredPerMemberPerMonthMinor, status: groupGoalStatus(figures, today) };
}

/**
 * Calendar months left to save in, counting this month and the deadline's month (January to March
 * is 3); at least 1, since a deadline this month or already past still asks for the rest now.
 */
export function monthsToSave(today: string, deadline: string): number {
  const months = differenceInCalendarMonths(parseCalendarDate(deadline, "deadline"), parseCalendarDate(today, "today")) + 1;
  return Math.max(1, months);
}

/**
 * REACHED once saved ≥ target. Otherwise ON_TRACK without a deadline, or when saved is at least
 * the straight-line share of the target due by today: nothing on the creation day, all of it on
 * the deadline day and after, in proportion to the days in between. BEHIND otherwise, which
 * includes every missed deadline. Compared exactly: saved × span ≥ target × elapsed.
 */
export function groupGoalStatus(figures: GroupGoalFigures, today: string): GroupGoalStatus {
  const { targetMinor, savedMinor, createdDay, deadline } = figures;
  if (savedMinor >= targetMinor) return "REACHED";
  if (deadline === null) return "ON_TRACK";
  const day = parseCalendarDate(today, "today");
  const end = parseCalendarDate(deadline, "deadline");
  if (daysFrom(day, end) <= 0) return "BEHIND";
  const start = parseCalendarDate(createdDay, "createdDay");
  const elapsed = daysFrom(start, day);
  if (elapsed <= 0) return "ON_TRACK";
  // Here start < today < deadline, so the span is positive and elapsed / span lies strictly in (0, 1).
  const span = daysFrom(start, end);
  return savedMinor * BigInt(span) >= targetMinor * BigInt(elapsed) ? "ON_TRACK" : "BEHIND";
}

/** ⌈a / b⌉ for a ≥ 0, b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
