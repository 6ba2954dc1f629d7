import { Decimal } from "decimal.js";

/*
 * Robust statistics over amounts in minor units, exact: the median of an even count lies halfway
 * between two amounts, and so can the median absolute deviation (MAD). The hot paths keep both
 * doubled, as integers; `median` and `mad` give the same values as exact decimals for
 * explanations and callers.
 */

/** Wide enough for any bigint minor amount the ledger stores, halved, with no rounding. */
export const StatsDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });
export type StatsDecimal = InstanceType<typeof StatsDecimal>;

const ascending = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const abs = (n: bigint) => (n < 0n ? -n : n);

export function sortedAscending(values: readonly bigint[]): bigint[] {
  return [...values].sort(ascending);
}

/** 2 × the median of values already in ascending order: an integer even when the count is even. */
export function doubledMedianOfSorted(sorted: readonly bigint[]): bigint {
  if (sorted.length === 0) throw new RangeError("the median of no values is undefined");
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? 2n * sorted[middle]! : sorted[middle - 1]! + sorted[middle]!;
}

/** 2 × the median. */
export function doubledMedian(values: readonly bigint[]): bigint {
  return doubledMedianOfSorted(sortedAscending(values));
}

/**
 * 2 × the MAD, median(|x − median|). The deviations are taken doubled (|2x − 2·median|, integers),
 * and the doubled median of those is four times the MAD. The doubled deviations all have the
 * parity of the doubled median, so the middle two add up to an even number: the MAD itself is
 * always a whole or a half minor unit, never a quarter.
 */
export function doubledMad(values: readonly bigint[]): bigint {
  const twiceMedian = doubledMedian(values);
  return doubledMedian(values.map((value) => abs(2n * value - twiceMedian))) / 2n;
}

/** The median, exact (x.5 when the middle falls between two amounts). */
export function median(values: readonly bigint[]): StatsDecimal {
  return new StatsDecimal(doubledMedian(values).toString()).div(2);
}

/** The median absolute deviation, exact (a multiple of 0.5). */
export function mad(values: readonly bigint[]): StatsDecimal {
  return new StatsDecimal(doubledMad(values).toString()).div(2);
}

/**
 * The nearest-rank percentile: the smallest value with at least `percent` % of the values at or
 * below it. Always one of the values, so a threshold built on it is an amount the user really paid.
 */
export function percentileNearestRank(values: readonly bigint[], percent: number): bigint {
  if (values.length === 0) throw new RangeError("the percentile of no values is undefined");
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new RangeError("percent must be a whole number from 1 to 100");
  const rank = Math.ceil((percent * values.length) / 100);
  return sortedAscending(values)[rank - 1]!;
}

/** n / d rounded half away from zero, for turning a doubled or quadrupled statistic into minor units. */
export function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const [n, d] = [abs(numerator), abs(denominator)];
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}
