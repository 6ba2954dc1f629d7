import { badInput } from "../../../platform/errors/index.js";
import { daysFrom, formatCalendarDate, parseCalendarDate, shiftDays } from "../../../platform/time/calendar-date.js";
import type { Period } from "./periods.js";

export type RolloverMode = "NONE" | "LEFTOVER" | "ENVELOPE";
export const ROLLOVER_MODES: readonly RolloverMode[] = ["NONE", "LEFTOVER", "ENVELOPE"];

export interface PeriodFigures {
  period: Period;
  budgetedMinor: bigint;
  /** Positive = money spent; refunds make it smaller, and it can be negative. */
  spentMinor: bigint;
}

export interface CarryResult {
  period: Period;
  budgetedMinor: bigint;
  carriedInMinor: bigint;
  /** budgeted + carried in. */
  availableMinor: bigint;
  spentMinor: bigint;
  /** available − spent; negative when overspent. */
  remainingMinor: bigint;
}

/**
 * The carry chain from the budget's first period to the last given, in order.
 * NONE: carried in is always 0. LEFTOVER: only a positive remainder of the previous period carries
 * (an overspend does not). ENVELOPE: the previous remainder carries whatever its sign.
 * `periods` must start with the budget's first period and be contiguous: a missing period (say, one
 * with no spending) would silently drop its budget from everything after it.
 */
export function carryChain(mode: RolloverMode, periods: PeriodFigures[]): CarryResult[] {
  if (!ROLLOVER_MODES.includes(mode)) {
    throw badInput(`rollover must be one of ${ROLLOVER_MODES.join(", ")}`, { field: "rollover" });
  }
  const chain: CarryResult[] = [];
  periods.forEach((figures, i) => {
    assertFigures(figures, i);
    const previous = chain[i - 1];
    if (previous && dayAfter(previous.period.end) !== figures.period.start) {
      throw badInput(`periods[${i}] does not start the day after periods[${i - 1}] ends`, { field: "periods" });
    }
    const carriedInMinor = previous ? carried(mode, previous.remainingMinor) : 0n;
    const availableMinor = figures.budgetedMinor + carriedInMinor;
    chain.push({
      period: figures.period,
      budgetedMinor: figures.budgetedMinor,
      carriedInMinor,
      availableMinor,
      spentMinor: figures.spentMinor,
      remainingMinor: availableMinor - figures.spentMinor,
    });
  });
  return chain;
}

const dayAfter = (date: string) => formatCalendarDate(shiftDays(parseCalendarDate(date, "period.end"), 1));

function carried(mode: RolloverMode, previousRemaining: bigint): bigint {
  switch (mode) {
    case "NONE":
      return 0n;
    case "LEFTOVER":
      return previousRemaining > 0n ? previousRemaining : 0n;
    case "ENVELOPE":
      return previousRemaining;
  }
}

function assertFigures(figures: PeriodFigures, i: number): void {
  if (typeof figures.budgetedMinor !== "bigint" || figures.budgetedMinor < 0n) {
    throw badInput(`periods[${i}].budgetedMinor must be zero or more minor units`, { field: "budgetedMinor" });
  }
  if (typeof figures.spentMinor !== "bigint") {
    throw badInput(`periods[${i}].spentMinor must be whole minor units`, { field: "spentMinor" });
  }
  assertPeriodShape(figures.period, `periods[${i}].period`);
}

/** A period whose dates are real, in order, and whose `days` agrees with them. */
export function assertPeriodShape(period: Period, field: string): void {
  const start = parseCalendarDate(period.start, `${field}.start`);
  const end = parseCalendarDate(period.end, `${field}.end`);
  const days = daysFrom(start, end) + 1;
  if (days < 1 || period.days !== days) {
    throw badInput(`${field} must run forwards and count its days inclusively`, { field });
  }
}
