import { type Decimal } from "decimal.js";

import { decimal } from "../quantities/index.js";
import { dayNumber } from "./calendar-days.js";

/** An amount of money on a day, in any one unit (major or minor) used for every flow of a series. */
export interface CashFlow {
  /** YYYY-MM-DD. */
  date: string;
  amount: Decimal;
}

/** The flows summed per day, in date order, days that net to zero left out. */
export function netPerDay(flows: readonly CashFlow[], field = "date"): CashFlow[] {
  const byDay = new Map<string, Decimal>();
  for (const { date, amount } of flows) {
    dayNumber(date, field);
    byDay.set(date, (byDay.get(date) ?? decimal(0)).plus(decimal(amount)));
  }
  return [...byDay]
    .filter(([, amount]) => !amount.isZero())
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, amount]) => ({ date, amount }));
}

/** Whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => dayNumber(to, "to") - dayNumber(from, "from");
