import { type Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { dateOfDay, dayNumber } from "./calendar-days.js";
import { type CashFlow } from "./cash-flows.js";
import { xirr, type XirrOptions } from "./xirr.js";

export interface FlowPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** The value at the start of `from`. */
  startValue: Decimal;
  /** The value at the close of `to`. */
  endValue: Decimal;
  /** Money into the portfolio (+) or out of it (−), as for the time-weighted return; days outside from..to are ignored. */
  flows: readonly CashFlow[];
}

/**
 * The money-weighted return of a period: {@link xirr} of the start value as money put in on `from`,
 * the flows on their own days, and the end value taken out on the day after `to` (the end of `to`,
 * dated as hledger dates it). Flows come in the portfolio's view, like the time-weighted return's,
 * and are turned to the investor's view here, so callers keep one sign convention.
 */
export function moneyWeightedReturn({ from, to, startValue, endValue, flows }: FlowPeriod, options?: XirrOptions): Decimal | null {
  if (dayNumber(from, "from") > dayNumber(to, "to")) throw badInput("from must not be after to", { field: "to" });
  const investorFlows: CashFlow[] = [
    { date: from, amount: startValue.negated() },
    ...flows.filter((f) => f.date >= from && f.date <= to).map((f) => ({ date: f.date, amount: f.amount.negated() })),
    { date: dateOfDay(dayNumber(to) + 1), amount: endValue },
  ];
  return xirr(investorFlows, options);
}
