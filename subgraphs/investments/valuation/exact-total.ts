/**
 * Integer minor units for the valuation walk's hot loop, which handles hundreds of thousands of
 * closes per request. Every integer below 2^53 is exact in a double, and so is a sum or product of
 * two of them that stays below it; Number.isSafeInteger tells exactly whether it did (a result past
 * it never is a safe integer). So the walk multiplies and adds as numbers while the results stay
 * safe and in BigInt past that: the same integers either way, never a fraction, never rounded, and
 * no BigInt allocated per close.
 */

/** A safe integer as a number, or NaN: the marker for "use the BigInt". */
export const asSafeNumber = (value: bigint): number => (value <= MAX && value >= -MAX ? Number(value) : Number.NaN);

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Adds `delta` (a safe integer) to the exact total `small[i] + big[i]`: to the number part while the
 * sum stays a safe integer, else both go to the BigInt part.
 */
export function addExact(totals: { small: number[]; big: bigint[] }, i: number, delta: number): void {
  const sum = totals.small[i]! + delta;
  if (Number.isSafeInteger(sum)) totals.small[i] = sum;
  else {
    totals.big[i]! += BigInt(totals.small[i]!) + BigInt(delta);
    totals.small[i] = 0;
  }
}
