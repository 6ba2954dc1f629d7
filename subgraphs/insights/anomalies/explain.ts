import { currencyExponent, formatAmount } from "../../../platform/money/money.js";
import type { AnomalyOptions } from "./anomaly.js";
import { StatsDecimal } from "./robust-stats.js";

/*
 * Figures as explanations write them. Only the text is rounded (to the currency's minor unit, or
 * to one or two decimals for ratios); the figures the detectors compared stay exact.
 */

export function formatMinor(amountMinor: bigint, currency: string): string {
  return formatAmount({ amountMinor, currency });
}

/** An exact minor-unit statistic (a median on a half, say) in major units, rounded half-up for reading. */
export function formatStatistic(valueMinor: StatsDecimal, currency: string): string {
  const exponent = currencyExponent(currency);
  return valueMinor.div(new StatsDecimal(10).pow(exponent)).toFixed(exponent, StatsDecimal.ROUND_HALF_UP);
}

/** numerator / denominator (denominator > 0) with `places` decimals, half-up. */
export function ratio(numerator: bigint, denominator: bigint, places: number): string {
  return new StatsDecimal(numerator.toString()).div(denominator.toString()).toFixed(places, StatsDecimal.ROUND_HALF_UP);
}

/** A doubled integer statistic as the exact decimal it stands for. */
export function halved(doubled: bigint): StatsDecimal {
  return new StatsDecimal(doubled.toString()).div(2);
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function categoryLabel(categoryId: string | null, options: AnomalyOptions): string {
  if (categoryId === null) return "uncategorized";
  return options.categoryName?.(categoryId) ?? categoryId;
}
