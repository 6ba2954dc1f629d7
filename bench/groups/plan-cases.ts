/**
 * Settle-up cases for `npm run bench:groups` and the pure settlementPlan timed on them. The hard case
 * for the exact search: every amount distinct in absolute value, so no two members cancel out and a
 * zero-sum subset short of everyone is rare; the plan then needs n − 1 transfers. (The search's own
 * cost is 2^n whatever the amounts; distinct amounts keep the plan from splitting into small groups.)
 */
import { EXACT_SETTLE_UP_LIMIT, settlementPlan } from "../../subgraphs/groups/balances/settle-up.js";
import type { MemberAmount } from "../../subgraphs/groups/members/member-order.js";
import { summarize } from "../stats.js";

/** Largest balance drawn, in minor units (10,000.00 in a two-decimal currency). */
const MAX_MINOR = 1_000_000;

/** mulberry32: a small seeded generator, so a run's cases can be drawn again (BENCH_SEED). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `n` (≥ 2) non-zero balances summing to zero, distinct in absolute value: n − 1 drawn with random
 * signs, the last one evening them out; drawn again until the last one also fits.
 */
export function hardBalances(n: number, random: () => number): bigint[] {
  for (;;) {
    const seen = new Set<bigint>();
    const amounts: bigint[] = [];
    while (amounts.length < n - 1) {
      const magnitude = BigInt(1 + Math.floor(random() * MAX_MINOR));
      if (seen.has(magnitude)) continue;
      seen.add(magnitude);
      amounts.push(random() < 0.5 ? -magnitude : magnitude);
    }
    const last = -amounts.reduce((sum, a) => sum + a, 0n);
    const magnitude = last < 0n ? -last : last;
    if (last !== 0n && !seen.has(magnitude)) return [...amounts, last];
  }
}

/** Members "m0", "m1", … holding `amounts`, ranked in that order. */
export function asMembers(amounts: readonly bigint[]): { balances: MemberAmount[]; rank: (id: string) => number } {
  const balances = amounts.map((amountMinor, i) => ({ memberId: `m${i}`, amountMinor }));
  return { balances, rank: (id) => Number(id.slice(1)) };
}

export interface PureTiming {
  members: number;
  method: "exact" | "greedy";
  iterations: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /** Fewest and most transfers over the cases. */
  transfers: [number, number];
}

/**
 * settlementPlan on fresh hard cases of `n` members, for about `seconds` (at least `minIterations`),
 * after 3 untimed calls that let the JIT compile it; only the call itself is timed.
 */
export function timePureSettlementPlan(n: number, seconds: number, minIterations: number, random: () => number): PureTiming {
  const run = () => {
    const { balances, rank } = asMembers(hardBalances(n, random));
    const started = performance.now();
    const plan = settlementPlan(balances, rank);
    return { ms: performance.now() - started, transfers: plan.length };
  };
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  let fewest = Infinity;
  let most = 0;
  const deadline = performance.now() + seconds * 1000;
  while (samples.length < minIterations || performance.now() < deadline) {
    const { ms, transfers } = run();
    samples.push(ms);
    fewest = Math.min(fewest, transfers);
    most = Math.max(most, transfers);
  }
  const stats = summarize(samples);
  return {
    members: n,
    method: n <= EXACT_SETTLE_UP_LIMIT ? "exact" : "greedy",
    iterations: samples.length,
    medianMs: stats.p50,
    p99Ms: stats.p99,
    maxMs: stats.max,
    transfers: [fewest, most],
  };
}
