// Test support only: random expenses, members and split parts, and the exact rational share each
// member is owed, computed without platform/money so the check cannot share a mistake with it.
import fc from "fast-check";

import { type Money, money } from "../../../platform/money/index.js";
import type { SplitMode, SplitPart } from "./split.js";

export const CURRENCIES = { JPY: 0, USD: 2, KWD: 3 } as const;
export type Currency = keyof typeof CURRENCIES;

/** Positive amounts a client can type (at most 15 digits), biased towards a few minor units where rounding decides everything. */
export const amountMinor = fc.oneof(
  fc.bigInt({ min: 1n, max: 20n }),
  fc.bigInt({ min: 1n, max: 10n ** 9n }),
  fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }),
);
export const someMoney: fc.Arbitrary<Money> = fc
  .tuple(amountMinor, fc.constantFrom<Currency>("JPY", "USD", "KWD"))
  .map(([minor, currency]) => money(minor, currency));

/** 1..40 distinct members with ranks, some of them equal (ties fall back to the id). */
export const members = fc
  .uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 40 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids.map((id) => `m${id}`)),
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: ids.length, maxLength: ids.length }),
    ),
  )
  .map(([ids, ranks]) => ({ ids, rank: (memberId: string) => ranks[ids.indexOf(memberId)]! }));

export function formatMinor(minor: bigint, exponent: number): string {
  const digits = minor.toString().padStart(exponent + 1, "0");
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** `count` non-negative integers summing to `total`: cut points in 0..total. */
export const composition = (total: bigint, count: number) =>
  fc.array(fc.bigInt({ min: 0n, max: total }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const points = [0n, ...cuts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), total];
    return points.slice(1).map((p, i) => p - points[i]!);
  });

export interface SplitCase {
  amount: Money;
  mode: SplitMode;
  parts: SplitPart[];
  rank: (memberId: string) => number;
  /** Each part's weight in the same order as `parts`: the exact share is amount × weight / Σ weights. */
  weights: bigint[];
}

const hundredths = fc.oneof(fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: 0n, max: 99_999_999n }));

export const splitCase: fc.Arbitrary<SplitCase> = fc
  .tuple(someMoney, members, fc.constantFrom<SplitMode>("EQUAL", "SHARES", "EXACT", "PERCENT"))
  .chain(([amount, { ids, rank }, mode]) => {
    const n = ids.length;
    const weights: fc.Arbitrary<bigint[]> =
      mode === "EQUAL"
        ? fc.constant(ids.map(() => 1n))
        : mode === "SHARES"
          ? fc.array(hundredths, { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0n))
          : mode === "EXACT"
            ? composition(amount.amountMinor, n)
            : composition(10_000n, n);
    return weights.map((w) => {
      const exponent = CURRENCIES[amount.currency as Currency];
      const value = (weight: bigint): string | null =>
        mode === "EQUAL"
          ? null
          : mode === "SHARES"
            ? formatMinor(weight, 2)
            : mode === "EXACT"
              ? formatMinor(weight, exponent)
              : `${weight}`;
      return { amount, mode, rank, weights: w, parts: ids.map((memberId, i) => ({ memberId, value: value(w[i]!) })) };
    });
  });

/** A permutation of 0..n−1 drawn from random sort keys. */
export const permutationOf = (n: number) =>
  fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((key, i) => ({ key, i }))
      .sort((a, b) => a.key - b.key)
      .map((k) => k.i),
  );
