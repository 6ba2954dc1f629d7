import { Decimal } from "decimal.js";

import { type SubPeriod, timeWeightedReturn, xirr } from "../performance/index.js";
import { dayString } from "./day-numbers.js";

/**
 * A period's daily figures in the portfolio's currency: index 0 is the end of the day before
 * `from` (the start value), 1..n the days from `from` to `to`.
 */
export interface PeriodSeries {
  firstDay: number;
  values: bigint[];
  inflow: bigint[];
  outflow: bigint[];
}

const d = (minor: bigint) => new Decimal(minor.toString());

/**
 * The sub-periods of the time-weighted return, split at every external flow. Money put in counts
 * at the start of its day (it shares the day's price moves), money taken out at the end of its day
 * (it was invested until the sale): a period ending with an outflow ends at the day's value plus
 * what left, and the next starts there with the outflow as its (negative) flow.
 */
export function subPeriods(series: PeriodSeries): SubPeriod[] {
  const { values, inflow, outflow } = series;
  const periods: SubPeriod[] = [];
  let start = values[0]!;
  let flow = 0n;
  for (let i = 1; i < values.length; i++) {
    if (inflow[i]! > 0n) {
      periods.push({ startValue: d(start), endValue: d(values[i - 1]!), flow: d(flow) });
      start = values[i - 1]!;
      flow = inflow[i]!;
    }
    if (outflow[i]! > 0n) {
      const before = values[i]! + outflow[i]!;
      periods.push({ startValue: d(start), endValue: d(before), flow: d(flow) });
      start = before;
      flow = -outflow[i]!;
    }
  }
  periods.push({ startValue: d(start), endValue: d(values.at(-1)!), flow: d(flow) });
  return periods;
}

/**
 * The investor's cash flows for XIRR: the start value put in at the start of `from`, each day's net
 * flow on its day (money in negative, out positive) and the end value taken out the day after `to`.
 */
export function investorFlows(series: PeriodSeries): Array<{ date: string; amount: Decimal }> {
  const { firstDay, values, inflow, outflow } = series;
  const flows: Array<{ date: string; amount: Decimal }> = [];
  const add = (day: number, minor: bigint) => {
    if (minor !== 0n) flows.push({ date: dayString(day), amount: d(minor) });
  };
  add(firstDay + 1, -values[0]!);
  for (let i = 1; i < values.length; i++) add(firstDay + i, outflow[i]! - inflow[i]!);
  add(firstDay + values.length, values.at(-1)!);
  return flows;
}

export interface Returns {
  timeWeighted: Decimal | null;
  moneyWeighted: Decimal | null;
}

export function returnsOf(series: PeriodSeries): Returns {
  const flows = investorFlows(series);
  return {
    timeWeighted: timeWeightedReturn(subPeriods(series)),
    moneyWeighted: flows.length >= 2 ? xirr(flows) : null,
  };
}
