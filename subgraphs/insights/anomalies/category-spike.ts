import { dayNumber, monthOf, shiftMonth } from "../history/day-number.js";
import { magnitude } from "../history/history-item.js";
import type { AnomalyOptions, CategorySpikeAnomaly } from "./anomaly.js";
import { MIN_SPIKE_EXCESS_PERCENT_OF_SPENDING, MIN_SPIKE_TRAILING_MONTHS, SPIKE_MULTIPLE, SPIKE_TRAILING_MONTHS } from "./anomaly-rules.js";
import { categoryLabel, formatMinor, formatStatistic, halved, plural, ratio } from "./explain.js";
import { type HistoryIndex, isExpense } from "./history-index.js";
import { doubledMedian } from "./robust-stats.js";

/**
 * A category's spending this month (so far) above twice the median of its previous months (up to
 * six, only those since the category's first expense, at least three; months with nothing spent
 * count as zero), and above it by at least a tenth of the user's median month of all spending over
 * the same months. Raised once per category and month, by the
 * expense that crosses the line, so the key `category-spike:<category>:<month>` is met only once.
 * A category whose median month is nothing is used now and then, and its months never spike.
 */
export function categorySpike(index: HistoryIndex, position: number, options: AnomalyOptions): CategorySpikeAnomaly | null {
  const item = index.items[position]!;
  const first = index.firstCategoryExpense(position);
  if (!isExpense(item) || item.categoryId === null || first === undefined || first === position) return null;

  const month = monthOf(item.date);
  const firstMonth = monthOf(index.items[first]!.date);
  const startMonth = shiftMonth(month, -SPIKE_TRAILING_MONTHS) > firstMonth ? shiftMonth(month, -SPIKE_TRAILING_MONTHS) : firstMonth;
  const months: string[] = [];
  for (let m = startMonth; m < month; m = shiftMonth(m, 1)) months.push(m);
  if (months.length < MIN_SPIKE_TRAILING_MONTHS) return null;

  const totals = new Map<string, bigint>();
  const inMonth: number[] = [];
  for (const p of index.categoryExpensesSince(position, dayNumber(`${startMonth}-01`))) {
    const itemMonth = monthOf(index.items[p]!.date);
    totals.set(itemMonth, (totals.get(itemMonth) ?? 0n) + magnitude(index.items[p]!.amountMinor));
    if (itemMonth === month) inMonth.push(p);
  }
  const twiceMedian = doubledMedian(months.map((m) => totals.get(m) ?? 0n));
  if (twiceMedian === 0n) return null;
  // excess ≥ 10 % of the median month of all spending, both sides doubled: 100 · (2·spent − 2·median) ≥ 10 · 2·median(all)
  const twiceMedianSpending = doubledMedian(months.map((m) => index.monthlySpending(m)));
  const spikes = (spent: bigint) =>
    2n * spent > SPIKE_MULTIPLE * twiceMedian &&
    100n * (2n * spent - twiceMedian) >= MIN_SPIKE_EXCESS_PERCENT_OF_SPENDING * twiceMedianSpending;
  const before = totals.get(month) ?? 0n;
  const amount = magnitude(item.amountMinor);
  const spent = before + amount;
  if (!spikes(spent) || spikes(before)) return null;

  const { currency } = options;
  const figures = {
    categoryId: item.categoryId,
    month,
    monthToDateMinor: spent,
    trailingMedianMinor: halved(twiceMedian),
    trailingMonths: months.length,
    times: ratio(2n * spent, twiceMedian, 1),
  };
  return {
    key: `category-spike:${item.categoryId}:${month}`,
    kind: "CATEGORY_SPIKE",
    date: item.date,
    transactionIds: [...inMonth.map((p) => index.items[p]!.transactionId), item.transactionId],
    explanation:
      `${categoryLabel(item.categoryId, options)} spending in ${month} reached ${formatMinor(spent, currency)} with ` +
      `${formatMinor(amount, currency)} at ${item.payee}: ${figures.times}× its median month of ` +
      `${formatStatistic(figures.trailingMedianMinor, currency)} over the previous ${plural(months.length, "month")}`,
    figures,
  };
}
