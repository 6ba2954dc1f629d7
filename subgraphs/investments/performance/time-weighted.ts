import { type Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { decimal } from "../quantities/index.js";
import { dateOfDay, dayNumber } from "./calendar-days.js";
import { type CashFlow, netPerDay } from "./cash-flows.js";

/**
 * One stretch between external flows. `flow` is money into the portfolio (negative: taken out),
 * arriving at the start of the sub-period: return = endValue / (startValue + flow) − 1.
 */
export interface SubPeriod {
  startValue: Decimal;
  endValue: Decimal;
  flow: Decimal;
}

/**
 * The time-weighted return: the product of the sub-periods' growth factors, less one. A flow earns
 * from the start of its sub-period, so a purchase on day d is valued from its price to day d's close.
 *
 * A sub-period with nothing in it (start + flow = 0 and end = 0) has no return and is passed over.
 * Null when no sub-period had money in it, or one did not (start + flow ≤ 0) yet ended with value:
 * there is no return on nothing.
 */
export function timeWeightedReturn(subPeriods: readonly SubPeriod[]): Decimal | null {
  let growth = decimal(1);
  let invested = false;
  for (const { startValue, endValue, flow } of subPeriods) {
    const base = decimal(startValue).plus(decimal(flow));
    if (base.isZero() && endValue.isZero()) continue;
    if (base.lte(0)) return null;
    growth = growth.times(decimal(endValue).div(base));
    invested = true;
  }
  return invested ? growth.minus(1) : null;
}

export interface ValuedPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** The value at the start of `from` (the close of the day before). */
  startValue: Decimal;
  /** Money into the portfolio (+) or out of it (−), each at the start of its day; days outside from..to are ignored. */
  flows: readonly CashFlow[];
  /** The portfolio's value at the close of a day. */
  valueAtEndOf: (date: string) => Decimal;
}

/**
 * Cuts from..to at every day with a net flow. The sub-period of a flow on day d starts with the
 * value at the close of d − 1 plus the flow, and ends at the close of the day before the next
 * flow (or of `to`); a flow on `from` joins the start value.
 */
export function subPeriodsBetween({ from, to, startValue, flows, valueAtEndOf }: ValuedPeriod): SubPeriod[] {
  if (dayNumber(from, "from") > dayNumber(to, "to")) throw badInput("from must not be after to", { field: "to" });
  const inside = netPerDay(flows.filter((f) => f.date >= from && f.date <= to));
  const starts = inside[0]?.date === from ? inside : [{ date: from, amount: decimal(0) }, ...inside];
  let previousEnd = decimal(startValue);
  return starts.map(({ amount }, i) => {
    const next = starts[i + 1];
    const endValue = decimal(valueAtEndOf(next ? dateOfDay(dayNumber(next.date) - 1) : to));
    const period = { startValue: previousEnd, endValue, flow: amount };
    previousEnd = endValue;
    return period;
  });
}

/** {@link timeWeightedReturn} over from..to, cut by {@link subPeriodsBetween}. */
export function timeWeightedReturnBetween(period: ValuedPeriod): Decimal | null {
  return timeWeightedReturn(subPeriodsBetween(period));
}
