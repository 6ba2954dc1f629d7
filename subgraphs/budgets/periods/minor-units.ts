/**
 * numerator / denominator rounded half away from zero, in exact integer arithmetic: money stays in
 * bigint minor units end to end, so a one-cent result is never the float nearest to it.
 */
export function divideRoundingHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const abs = (n: bigint) => (n < 0n ? -n : n);
  if (2n * abs(remainder) < abs(denominator)) return quotient;
  // BigInt division truncates toward zero, so a rounded-up result moves away from zero by one.
  return quotient + (numerator < 0n !== denominator < 0n ? -1n : 1n);
}
