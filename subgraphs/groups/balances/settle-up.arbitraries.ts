// Test support only: random group balances (positive = is owed, summing to zero) with the
// coincidences that make settling up interesting, and an independent brute-force minimum.
import fc from "fast-check";

import type { MemberAmount } from "../members/member-order.js";

/** Values that sum to zero: `count − 1` drawn freely, the last one balancing them. */
const zeroSum = (count: number, size: fc.Arbitrary<bigint>) =>
  fc.array(size, { minLength: count - 1, maxLength: count - 1 }).map((values) => [...values, -values.reduce((a, b) => a + b, 0n)]);

const small = fc.oneof(fc.bigInt({ min: 1n, max: 12n }), fc.bigInt({ min: -12n, max: -1n }));
const wide = fc.oneof(small, fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }));

/**
 * Balances of `min..max` members: several zero-sum clusters (so fewer transfers than members − 1
 * are possible and a greedy plan can miss them), shuffled together, zeros included now and then.
 */
export function groupBalances(min: number, max: number): fc.Arbitrary<MemberAmount[]> {
  return fc
    .integer({ min, max })
    .chain((n) =>
      fc.tuple(
        fc.array(
          fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }) }),
          { minLength: 1, maxLength: n },
        ),
        fc.constant(n),
        fc.oneof({ weight: 3, arbitrary: fc.constant(small) }, { weight: 1, arbitrary: fc.constant(wide) }),
      ),
    )
    .chain(([sizes, n, size]) => {
      // Cluster sizes are trimmed so that they fill exactly n members.
      const clusters: number[] = [];
      let left = n;
      for (const s of sizes) {
        if (left === 0) break;
        clusters.push(Math.min(s, left));
        left -= clusters.at(-1)!;
      }
      if (left > 0) clusters.push(left);
      return fc.tuple(
        fc.tuple(...clusters.map((c) => zeroSum(c, size))),
        fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }),
      );
    })
    .map(([clusters, keys]) => {
      const values = clusters.flat();
      const order = keys.map((key, i) => ({ key, i })).sort((a, b) => a.key - b.key);
      return order.map(({ i }, position) => ({ memberId: `m${position}`, amountMinor: values[i]! }));
    });
}

/** Ranks by the number in "m<number>", the order members joined in. */
export const joinOrder = (memberId: string): number => Number(memberId.slice(1));

/**
 * The fewest transfers that settle `amounts`, by exhaustive backtracking over transfers: the first
 * unsettled member hands its whole balance to one later member of the opposite sign, trying every
 * such member in turn (the classic search for this problem: any group that sums to zero can be
 * settled this way in one transfer fewer than its size). It shares no code or idea with the subset
 * DP it checks, and is exponential, so only for a handful of members.
 */
export function bruteForceMinimum(amounts: readonly bigint[]): number {
  const left = amounts.filter((a) => a !== 0n);
  const search = (from: number): number => {
    while (from < left.length && left[from] === 0n) from++;
    if (from === left.length) return 0;
    let best = Number.POSITIVE_INFINITY;
    for (let other = from + 1; other < left.length; other++) {
      if (left[other]! * left[from]! >= 0n) continue;
      left[other]! += left[from]!;
      best = Math.min(best, 1 + search(from + 1));
      left[other]! -= left[from]!;
    }
    return best;
  };
  return search(0);
}

/** The same items in a random order. */
export const shuffled = <T>(items: readonly T[]) =>
  fc.array(fc.double({ noNaN: true }), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, i) => ({ item, key: keys[i]! }))
      .sort((a, b) => a.key - b.key)
      .map((k) => k.item),
  );
