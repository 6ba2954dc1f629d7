import { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";

/**
 * Decimals for rates: 40 significant digits, half-up. A local clone, so no other module's settings
 * (or the library's 20-digit default) decide how a rate is divided.
 */
export const RateDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const MAX_RATE_DECIMALS = 6;
const PERCENT = /^(\d{1,3})(?:\.(\d+))?$/;

/** A percentage from 0 to 100 with at most six decimals ("5", "6.25"); anything else is BAD_USER_INPUT on `field`. */
export function parsePercent(value: string, field: string): Decimal {
  const text = typeof value === "string" ? value.trim() : "";
  const match = PERCENT.exec(text);
  if (!match) throw badInput(`${field} must be a percentage written like "5" or "6.25"`, { field });
  if ((match[2] ?? "").length > MAX_RATE_DECIMALS) {
    throw badInput(`${field} allows at most ${MAX_RATE_DECIMALS} decimal places`, { field });
  }
  const percent = new RateDecimal(text);
  if (percent.greaterThan(100)) throw badInput(`${field} must be between 0 and 100`, { field });
  return percent;
}

/** The loan's yearly interest rate in percent: 0 ≤ rate ≤ 100, at most six decimals. */
export function parseAnnualRate(value: string): Decimal {
  return parsePercent(value, "annualRatePercent");
}

/** The same check for a rate that arrives as a Decimal (from storage or another caller). */
export function assertPercent(percent: Decimal, field: string): void {
  if (!percent.isFinite() || percent.isNegative() || percent.greaterThan(100) || percent.decimalPlaces() > MAX_RATE_DECIMALS) {
    throw badInput(`${field} must be between 0 and 100 with at most ${MAX_RATE_DECIMALS} decimal places`, { field });
  }
}

/**
 * The monthly rate r = annual / 100 / 12, for display. It rarely terminates (5 % gives
 * 0.0041666…), so amounts are never computed from it: see `monthlyRateFraction`.
 */
export function monthlyRate(annualPercent: Decimal): Decimal {
  return new RateDecimal(annualPercent).dividedBy(100).dividedBy(12);
}

/** An exact non-negative rational num / den, in lowest terms. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * r = annual / 1200 as an exact fraction. Any fixed precision can turn an exact half (a tie the
 * convention rounds up) into 0.4999…, so schedules work on this fraction and round once.
 */
export function monthlyRateFraction(annualPercent: Decimal): Fraction {
  assertPercent(annualPercent, "annualRatePercent");
  const scale = 10n ** BigInt(MAX_RATE_DECIMALS);
  const num = BigInt(new RateDecimal(annualPercent).times(scale.toString()).toFixed(0));
  return reduced(num, 1200n * scale);
}

/** Half-up (away from zero) rounding of num / den to a whole number; den > 0. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (num < 0n) return -roundHalfUp(-num, den);
  return (2n * num + den) / (2n * den);
}

/** amount × fraction, rounded half-up to a whole minor unit. */
export function timesRounded(amountMinor: bigint, fraction: Fraction): bigint {
  return roundHalfUp(amountMinor * fraction.num, fraction.den);
}

function reduced(num: bigint, den: bigint): Fraction {
  let [a, b] = [num, den];
  while (b !== 0n) [a, b] = [b, a % b];
  return { num: num / a, den: den / a };
}
