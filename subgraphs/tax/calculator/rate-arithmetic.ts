/*
 * Integer arithmetic for percent rates: a rate of p percent is p × 10⁶ millionths, and amount × p %
 * is amount × millionths / 10⁸ exactly. The tables allow at most six decimals in a rate, so no
 * figure is ever approximated before its one rounding.
 */

/** The denominator that turns amount × millionths-of-a-percent into an amount. */
export const SCALE = 100_000_000n;

const PERCENT = /^(\d{1,3})(?:\.(\d{1,6}))?$/;

/** "12" → 12000000n, "7.5" → 7500000n. */
export function percentMillionths(ratePercent: string): bigint {
  const match = PERCENT.exec(ratePercent);
  // The catalog checks every rate; a malformed one here is a programming error, not the client's.
  if (!match) throw new Error(`not a percent rate: "${ratePercent.slice(0, 16)}"`);
  return BigInt(match[1]!) * 1_000_000n + BigInt((match[2] ?? "").padEnd(6, "0"));
}

/** numerator / denominator rounded half-up, for numerator ≥ 0 and denominator > 0. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** 1234n → "12.34". */
export function formatHundredths(hundredths: bigint): string {
  const digits = hundredths.toString().padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
