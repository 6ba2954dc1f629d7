/** A recurring charge may differ from its series' typical amount by up to 7.5 %, in thousandths. */
export const AMOUNT_TOLERANCE_PER_MILLE = 75n;

/**
 * Whether `amount` is within the tolerance of a typical amount given doubled (2 × the median, so
 * an even count's median stays an integer): |a − m| ≤ 7.5 % of m, compared in integers.
 */
export function withinTolerance(amount: bigint, doubledTypical: bigint): boolean {
  const gap = 2n * amount - doubledTypical;
  return (gap < 0n ? -gap : gap) * 1000n <= AMOUNT_TOLERANCE_PER_MILLE * doubledTypical;
}
