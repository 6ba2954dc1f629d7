// The exact part of the settle-up: among n non-zero balances that sum to zero, the largest number of
// disjoint zero-sum groups covering them all. A group of k members settles with k − 1 transfers and
// no fewer, so the fewest transfers for everyone is n − (that number). Found by a DP over the 2^n
// subsets, held in typed arrays (two bytes per subset: 2 MiB at n = 20).

/** 2^n bytes twice; beyond this the memory and time stop being a request's worth. */
export const MAX_PARTITION_SIZE = 24;

/**
 * Index groups partitioning 0..n−1, each summing to zero, as many as possible. Deterministic: the
 * same values in the same order give the same groups. `values` must be non-zero and sum to zero.
 */
export function maxZeroSumPartition(values: readonly bigint[]): number[][] {
  const n = values.length;
  if (n > MAX_PARTITION_SIZE) throw new RangeError(`at most ${MAX_PARTITION_SIZE} values, got ${n}`);
  if (n === 0) return [];
  const zero = zeroSumSubsets(values);
  const full = (1 << n) - 1;
  // most[mask]: over all orders of the mask's members, the most prefixes that sum to zero. Each
  // such prefix closes one group, so most[full] is the most groups a partition can have.
  const most = new Uint8Array(full + 1);
  for (let mask = 1; mask <= full; mask++) {
    let best = 0;
    for (let rest = mask; rest !== 0; rest &= rest - 1) {
      const without = most[mask ^ (rest & -rest)]!;
      if (without > best) best = without;
    }
    most[mask] = best + zero[mask]!;
  }
  // Walk back down, always dropping the lowest index that keeps the count; the members dropped
  // between two zero-sum subsets form one group.
  const groups: number[][] = [];
  let group: number[] = [];
  for (let mask = full; mask !== 0;) {
    const wanted = most[mask]! - zero[mask]!;
    let i = 0;
    while (i < n && ((mask & (1 << i)) === 0 || most[mask ^ (1 << i)] !== wanted)) i++;
    if (i === n) throw new Error("zero-sum partition: the table has no way down (a bug)");
    group.push(i);
    mask ^= 1 << i;
    if (mask === 0 || zero[mask] === 1) {
      groups.push(group);
      group = [];
    }
  }
  return groups;
}

/**
 * zero[mask] = 1 when the values in `mask` sum to zero. Masks are visited in Gray-code order, so
 * each step adds or removes one value from a running sum. Plain numbers are exact while every
 * partial sum is a safe integer, which holds when the absolute values add up to one; otherwise
 * (amounts beyond 90 trillion units) the same walk runs on bigints, slower but still exact.
 */
function zeroSumSubsets(values: readonly bigint[]): Uint8Array {
  const size = 1 << values.length;
  const zero = new Uint8Array(size);
  zero[0] = 1;
  const absoluteSum = values.reduce((sum, v) => sum + (v < 0n ? -v : v), 0n);
  if (absoluteSum <= BigInt(Number.MAX_SAFE_INTEGER)) {
    const numbers = values.map(Number);
    let mask = 0;
    let sum = 0;
    for (let step = 1; step < size; step++) {
      const bit = 31 - Math.clz32(step & -step);
      mask ^= 1 << bit;
      sum += (mask & (1 << bit)) !== 0 ? numbers[bit]! : -numbers[bit]!;
      if (sum === 0) zero[mask] = 1;
    }
  } else {
    let mask = 0;
    let sum = 0n;
    for (let step = 1; step < size; step++) {
      const bit = 31 - Math.clz32(step & -step);
      mask ^= 1 << bit;
      sum += (mask & (1 << bit)) !== 0 ? values[bit]! : -values[bit]!;
      if (sum === 0n) zero[mask] = 1;
    }
  }
  return zero;
}
