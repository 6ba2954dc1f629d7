import { Decimal } from "decimal.js";

/**
 * Decimals for the summary's percentages: 60 significant digits (an 18-digit amount times a
 * percent with a few decimals stays exact), half-up. A local clone, so no other module's settings
 * decide the rounding.
 */
const SummaryDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

/** `percent` % of `amountMinor`, rounded once, half-up (away from zero), to a whole minor unit. */
export function percentOf(amountMinor: bigint, percent: string): bigint {
  const exact = new SummaryDecimal(amountMinor.toString()).times(percent).dividedBy(100);
  return BigInt(exact.toDecimalPlaces(0).toFixed(0));
}

/** part / whole as a percent with 2 decimals, half-up ("12.35"); "0.00" when `whole` is not positive. */
export function ratioPercent(partMinor: bigint, wholeMinor: bigint): string {
  if (wholeMinor <= 0n) return "0.00";
  return new SummaryDecimal(partMinor.toString()).times(100).dividedBy(wholeMinor.toString()).toFixed(2);
}

/** ⌈a / b⌉ for a ≥ 0, b > 0: the number of steps "or part of a step" in `a`. */
export function stepsIn(amountMinor: bigint, stepMinor: bigint): bigint {
  return (amountMinor + stepMinor - 1n) / stepMinor;
}
