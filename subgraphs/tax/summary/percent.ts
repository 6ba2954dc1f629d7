import { formatHundredths, percentMillionths, roundHalfUp, SCALE } from "../calculator/rate-arithmetic.js";

/*
 * The summary's percentages, on the calculator's exact integer arithmetic: every figure is
 * rounded once, half-up, to a whole minor unit.
 */

/** `percent` % of `amountMinor` (≥ 0), rounded half-up to a whole minor unit. */
export function percentOf(amountMinor: bigint, percent: string): bigint {
  return roundHalfUp(amountMinor * percentMillionths(percent), SCALE);
}

/** part / whole (part ≥ 0) as a percent with 2 decimals, half-up ("12.35"); "0.00" when `whole` is not positive. */
export function ratioPercent(partMinor: bigint, wholeMinor: bigint): string {
  if (wholeMinor <= 0n) return "0.00";
  return formatHundredths(roundHalfUp(partMinor * 10_000n, wholeMinor));
}

/** ⌈a / b⌉ for a ≥ 0, b > 0: the number of steps "or part of a step" in `a`. */
export function stepsIn(amountMinor: bigint, stepMinor: bigint): bigint {
  return (amountMinor + stepMinor - 1n) / stepMinor;
}
