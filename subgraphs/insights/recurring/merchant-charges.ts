import { AMOUNT_TOLERANCE_PER_MILLE } from "./amount-tolerance.js";
import type { Charge } from "./chains.js";

/**
 * One merchant's charges in one direction, in history order, with the counts a series' checks
 * ask of them (how many charges of an amount, near an amount, between two days) answered by
 * binary search: a busy shop has thousands of charges and hundreds of candidate chains.
 */
export class MerchantCharges {
  private readonly amounts: bigint[];
  private readonly exact = new Map<bigint, number>();
  readonly historyDays: number;

  constructor(readonly charges: readonly Charge[]) {
    this.amounts = charges.map((charge) => charge.amount).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const amount of this.amounts) this.exact.set(amount, (this.exact.get(amount) ?? 0) + 1);
    this.historyDays = charges.length === 0 ? 0 : charges.at(-1)!.day - charges[0]!.day + 1;
  }

  get size(): number {
    return this.charges.length;
  }

  countExactly(amount: bigint): number {
    return this.exact.get(amount) ?? 0;
  }

  /** Charges within the tolerance of a typical amount given doubled: the same test as `withinTolerance`. */
  countNear(doubledTypical: bigint): number {
    // |2a − D| · 1000 ≤ 75 · D  ⇔  925 · D ≤ 2000 · a ≤ 1075 · D
    const low = ceilDiv((1000n - AMOUNT_TOLERANCE_PER_MILLE) * doubledTypical, 2000n);
    const high = ((1000n + AMOUNT_TOLERANCE_PER_MILLE) * doubledTypical) / 2000n;
    return firstAbove(this.amounts, high) - firstAbove(this.amounts, low - 1n);
  }

  countBetweenDays(fromDay: number, toDay: number): number {
    const days = this.charges;
    const after = (day: number) => {
      let [low, high] = [0, days.length];
      while (low < high) {
        const middle = (low + high) >> 1;
        if (days[middle]!.day <= day) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return after(toDay) - after(fromDay - 1);
  }
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** The index of the first value greater than `value` in ascending `sorted`. */
function firstAbove(sorted: readonly bigint[], value: bigint): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
