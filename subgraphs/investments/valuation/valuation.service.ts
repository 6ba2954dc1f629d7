import { addMonths } from "date-fns/addMonths";
import type { EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { calendarDate, formatCalendarDate, parseCalendarDate } from "../../../platform/time/index.js";
import type { PortfolioBook } from "../holdings/portfolio-book.js";
import { percent } from "../performance/index.js";
import type { SecurityService } from "../securities/security.service.js";
import { dayNumber, dayString } from "./day-numbers.js";
import type { PriceHistoryCache } from "./price-history.cache.js";
import type { RateHistories } from "./rate-histories.js";
import { returnsOf } from "./returns.js";
import { bookSeries, CHANNEL } from "./series-input.js";
import { exchangeRateMissing, priceMissing, rangeTooLong } from "./valuation.errors.js";
import { type Gap, type SeriesOutput, valueSeries } from "./value-series.js";

/** A performance period may span this many days: the walk is O(days × positions). */
export const MAX_PERFORMANCE_DAYS = 366 * 30;
/** A value history has at most this many points (ten years of days). */
export const MAX_HISTORY_POINTS = 3_660;

export type ValueInterval = "DAY" | "WEEK" | "MONTH";

export interface PerformanceFigures {
  from: string;
  to: string;
  currency: string;
  startValueMinor: bigint;
  endValueMinor: bigint;
  netContributionsMinor: bigint;
  gainMinor: bigint;
  dividendsMinor: bigint;
  feesMinor: bigint;
  /** Percent, 2 decimals; null when nothing was invested in the period. */
  timeWeightedReturn: string | null;
  moneyWeightedReturn: string | null;
}

export interface HistoryPoint {
  date: string;
  /** Null on a gap (a held security without a price, or a currency without a rate, on or before the day). */
  valueMinor: bigint | null;
  /** Net external flows from the start of `from` through the day; null once a flow could not be converted. */
  netContributionsMinor: bigint | null;
  gap: Gap | null;
}

export interface Period {
  from: string;
  to: string;
}

/** A period `from`..`to`: real dates, in order, not after today. */
export function checkedPeriod(from: string, to: string, today: string): Period {
  const period = { from: calendarDate(from, "from"), to: calendarDate(to, "to") };
  if (period.from > period.to) throw badInput("from must not be after to", { field: "from" });
  if (period.to > today) throw badInput(`to must not be after today (${today})`, { field: "to" });
  return period;
}

const sum = (values: ReadonlyArray<bigint | null>, from: number, to: number): bigint | null => {
  let total = 0n;
  for (let i = from; i <= to; i++) {
    if (values[i] === null) return null;
    total += values[i]!;
  }
  return total;
};

/**
 * Values, performance and value history of a replayed portfolio, in its currency. Each read is one
 * walk over its days (value-series.ts) on market data read in bulk for the range.
 */
export class ValuationService {
  constructor(
    private readonly rates: RateHistories,
    private readonly prices: PriceHistoryCache,
    private readonly securities: SecurityService,
  ) {}

  /**
   * The walk from the end of `firstDay` to the end of `lastDay`. `withoutCash`: leave the cash out
   * (a ledger account holds it). `manager`: a transaction to read market data in, one statement at a time.
   */
  async walk(
    userId: string,
    book: PortfolioBook,
    firstDay: number,
    lastDay: number,
    withoutCash = false,
    manager?: EntityManager,
  ): Promise<SeriesOutput> {
    const input = bookSeries(book, firstDay, lastDay, { withoutCash });
    const currency = book.portfolio.currency;
    const securityIds = input.holdings.map((h) => h.securityId);
    const [prices, rates] = manager
      ? [
          await this.prices.histories(userId, securityIds, manager),
          await this.rates.rateHistories(userId, input.currencies, currency, firstDay, lastDay, manager),
        ]
      : await Promise.all([
          this.prices.histories(userId, securityIds),
          this.rates.rateHistories(userId, input.currencies, currency, firstDay, lastDay),
        ]);
    return valueSeries({
      currency,
      firstDay,
      lastDay,
      holdings: input.holdings,
      prices,
      cash: input.cash,
      channels: input.channels,
      rates,
    });
  }

  /** The portfolio's value at the end of `date`; PRICE_MISSING or EXCHANGE_RATE_MISSING rather than a guess. */
  async valueOn(userId: string, book: PortfolioBook, date: string, withoutCash = false): Promise<bigint> {
    const day = dayNumber(date);
    const series = await this.walk(userId, book, day, day, withoutCash);
    if (series.values[0] === null) throw await this.gapError(userId, series.gaps[0]!, date, book.portfolio.currency);
    return series.values[0]!;
  }

  /** The value at the end of `date`, or null when a price or rate it needs is missing. */
  async valueOrNull(
    userId: string,
    book: PortfolioBook,
    date: string,
    withoutCash = false,
    manager?: EntityManager,
  ): Promise<bigint | null> {
    const day = dayNumber(date);
    return (await this.walk(userId, book, day, day, withoutCash, manager)).values[0]!;
  }

  /**
   * Start value at the start of `from` (the end of the day before), end value at the end of `to`,
   * flows on their own day. Only the values the returns need (the ends and each flow's day) must
   * exist: a gap elsewhere in the period changes nothing.
   */
  async performance(userId: string, book: PortfolioBook, period: Period): Promise<PerformanceFigures> {
    const firstDay = dayNumber(period.from) - 1;
    const lastDay = dayNumber(period.to);
    if (lastDay - firstDay > MAX_PERFORMANCE_DAYS) throw rangeTooLong("from", `${MAX_PERFORMANCE_DAYS} days`);
    const series = await this.walk(userId, book, firstDay, lastDay);
    const n = lastDay - firstDay;
    const currency = book.portfolio.currency;
    let missing = -1;
    const at = (list: ReadonlyArray<bigint | null>, i: number): bigint => {
      const value = list[i];
      if (value !== null && value !== undefined) return value;
      if (missing < 0) missing = i;
      return 0n;
    };
    const values: bigint[] = new Array(n + 1).fill(0n);
    const inflow: bigint[] = new Array(n + 1).fill(0n);
    const outflow: bigint[] = new Array(n + 1).fill(0n);
    let dividends = 0n;
    let fees = 0n;
    values[0] = at(series.values, 0);
    values[n] = at(series.values, n);
    for (let i = 1; i <= n; i++) {
      inflow[i] = at(series.channels[CHANNEL.inflow]!, i);
      outflow[i] = at(series.channels[CHANNEL.outflow]!, i);
      dividends += at(series.channels[CHANNEL.dividends]!, i);
      fees += at(series.channels[CHANNEL.fees]!, i);
      if (inflow[i]! > 0n) values[i - 1] = at(series.values, i - 1);
      if (outflow[i]! > 0n) values[i] = at(series.values, i);
    }
    if (missing >= 0) throw await this.gapError(userId, series.gaps[missing]!, dayString(firstDay + missing), currency);
    const net = inflow.reduce((a, b) => a + b, 0n) - outflow.reduce((a, b) => a + b, 0n);
    const returns = returnsOf({ firstDay, values, inflow, outflow });
    return {
      ...period,
      currency,
      startValueMinor: values[0]!,
      endValueMinor: values[n]!,
      netContributionsMinor: net,
      gainMinor: values[n]! - values[0]! - net,
      dividendsMinor: dividends,
      feesMinor: fees,
      timeWeightedReturn: percent(returns.timeWeighted),
      moneyWeightedReturn: percent(returns.moneyWeighted),
    };
  }

  /** The value at the end of `from`, of every interval after it, and of `to`. */
  async history(userId: string, book: PortfolioBook, period: Period, interval: ValueInterval): Promise<HistoryPoint[]> {
    const dates = sampleDates(period, interval);
    if (dates.length > MAX_HISTORY_POINTS) throw rangeTooLong("from", `${MAX_HISTORY_POINTS} points`);
    // From the end of the day before: `from`'s own flows count in its contributions.
    const firstDay = dayNumber(period.from) - 1;
    const series = await this.walk(userId, book, firstDay, dayNumber(period.to));
    const points: HistoryPoint[] = [];
    let contributions: bigint | null = 0n;
    let through = 0;
    for (const date of dates) {
      const i = dayNumber(date) - firstDay;
      if (contributions !== null) {
        const inflow = sum(series.channels[CHANNEL.inflow]!, through + 1, i);
        const outflow = sum(series.channels[CHANNEL.outflow]!, through + 1, i);
        contributions = inflow === null || outflow === null ? null : contributions + inflow - outflow;
      }
      through = i;
      points.push({ date, valueMinor: series.values[i]!, netContributionsMinor: contributions, gap: series.gaps[i]! });
    }
    return points;
  }

  async gapError(userId: string, gap: Gap, date: string, currency: string) {
    if ("currency" in gap) return exchangeRateMissing(date, gap.currency, currency);
    const [security] = await this.securities.findForUser(userId, [gap.securityId]);
    return priceMissing(date, gap.securityId, security?.symbol ?? gap.securityId);
  }
}

/** from, from + 1 interval, … (months clamped to their last day, from the original day of month), and to. */
export function sampleDates(period: Period, interval: ValueInterval): string[] {
  const last = dayNumber(period.to);
  const dates: string[] = [];
  if (interval === "MONTH") {
    const start = parseCalendarDate(period.from, "from");
    for (let k = 0; ; k++) {
      const date = formatCalendarDate(addMonths(start, k));
      if (date >= period.to || dates.length > MAX_HISTORY_POINTS) break;
      dates.push(date);
    }
  } else {
    const step = interval === "WEEK" ? 7 : 1;
    for (let day = dayNumber(period.from); day < last && dates.length <= MAX_HISTORY_POINTS; day += step) dates.push(dayString(day));
  }
  dates.push(period.to);
  return dates;
}
