// Test support only: random histories of buys, sells, splits and dividends that never sell more
// than is held, with a model of what they add up to. The model counts in plain bigints with its
// own rounding, so it cannot share a mistake with the replay.
import fc from "fast-check";

import { decimal, fromAtto } from "../quantities/index.js";
import type { Activity } from "./position.js";

export const ATTO = 10n ** 18n;
const DAY_MS = 86_400_000;
const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const FIRST_DAY = Date.UTC(1990, 0, 1) / DAY_MS;

/** quantity (atto) × price rounded half-up, for non-negative figures. */
export const valueOf = (atto: bigint, priceMinor: bigint) => (2n * atto * priceMinor + ATTO) / (2n * ATTO);
/** a × b / c rounded half-up, for non-negative figures. */
export const mulDivHalfUp = (a: bigint, b: bigint, c: bigint) => (2n * a * b + c) / (2n * c);

/** Whole units, a few decimals, or all eighteen: up to a million units. */
export const someAtto = fc.oneof(
  fc.bigInt({ min: 1n, max: 1000n }).map((units) => units * ATTO),
  fc.bigInt({ min: 1n, max: 10n ** 9n }).map((millionths) => millionths * 10n ** 12n),
  fc.bigInt({ min: 1n, max: 10n ** 24n }),
);
const priceMinor = fc.oneof(fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 1n, max: 10_000_000n }));
const feeMinor = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10_000n }));

type Step =
  | { kind: "BUY"; atto: bigint; priceMinor: bigint; feeMinor: bigint }
  | { kind: "SELL"; permille: bigint; priceMinor: bigint; feeMinor: bigint }
  | { kind: "SPLIT"; ratio: bigint }
  | { kind: "DIVIDEND"; amountMinor: bigint };

const buyStep = fc.record({ kind: fc.constant("BUY" as const), atto: someAtto, priceMinor, feeMinor });
const sellStep = fc.record({ kind: fc.constant("SELL" as const), permille: fc.bigInt({ min: 1n, max: 1000n }), priceMinor, feeMinor });
const splitStep = fc.record({ kind: fc.constant("SPLIT" as const), ratio: fc.constantFrom(2n, 3n, 5n) });
const dividendStep = fc.record({ kind: fc.constant("DIVIDEND" as const), amountMinor: fc.bigInt({ min: 0n, max: 100_000n }) });

export interface Sale {
  id: string;
  atto: bigint;
  /** What the sale's parts must cost under AVERAGE_COST: the pool × sold / held, rounded half-up. */
  averageCostMinor: bigint;
  proceedsMinor: bigint;
}

export interface Scenario {
  /** In replay order; ids are "a0", "a1", … in that order. */
  activities: Activity[];
  /** Held at the end, splits applied. */
  heldAtto: bigint;
  /** Σ over buys of quantity × price rounded once, plus fee. */
  boughtCostMinor: bigint;
  dividendsMinor: bigint;
  /** The pool left under AVERAGE_COST. */
  averagePoolMinor: bigint;
  sales: Sale[];
  /** Ids of the buys, oldest first. */
  buys: string[];
}

function build(steps: Step[], gaps: number[], startDay: number): Scenario {
  const scenario: Scenario = {
    activities: [],
    heldAtto: 0n,
    boughtCostMinor: 0n,
    dividendsMinor: 0n,
    averagePoolMinor: 0n,
    sales: [],
    buys: [],
  };
  const blank = { quantity: null, priceMinor: null, feeMinor: 0n, amountMinor: null, splitRatio: null };
  let day = startDay;
  steps.forEach((step, i) => {
    day += gaps[i % gaps.length]!;
    const id = `a${scenario.activities.length}`;
    const at = { id, date: isoOfDay(day), sequence: i };
    if (step.kind === "BUY") {
      const cost = valueOf(step.atto, step.priceMinor) + step.feeMinor;
      scenario.activities.push({
        ...blank,
        ...at,
        type: "BUY",
        quantity: fromAtto(step.atto),
        priceMinor: step.priceMinor,
        feeMinor: step.feeMinor,
      });
      scenario.heldAtto += step.atto;
      scenario.boughtCostMinor += cost;
      scenario.averagePoolMinor += cost;
      scenario.buys.push(id);
    } else if (step.kind === "SELL") {
      const atto = (scenario.heldAtto * step.permille) / 1000n;
      if (atto === 0n) return;
      const averageCostMinor = mulDivHalfUp(scenario.averagePoolMinor, atto, scenario.heldAtto);
      const proceedsMinor = valueOf(atto, step.priceMinor) - step.feeMinor;
      scenario.activities.push({
        ...blank,
        ...at,
        type: "SELL",
        quantity: fromAtto(atto),
        priceMinor: step.priceMinor,
        feeMinor: step.feeMinor,
      });
      scenario.sales.push({ id, atto, averageCostMinor, proceedsMinor });
      scenario.heldAtto -= atto;
      scenario.averagePoolMinor -= averageCostMinor;
    } else if (step.kind === "SPLIT") {
      // Keeps every later trade's value inside what an amount may hold.
      if (scenario.heldAtto * step.ratio > 10n ** 7n * ATTO) return;
      scenario.activities.push({ ...blank, ...at, type: "SPLIT", splitRatio: decimal(step.ratio.toString()) });
      scenario.heldAtto *= step.ratio;
    } else {
      scenario.activities.push({ ...blank, ...at, type: "DIVIDEND", amountMinor: step.amountMinor });
      scenario.dividendsMinor += step.amountMinor;
    }
  });
  return scenario;
}

const scenarioOf = (step: fc.Arbitrary<Step>) =>
  fc
    .record({
      first: buyStep,
      steps: fc.array(step, { maxLength: 25 }),
      // Zero days apart often: several activities on one day, ordered by sequence.
      gaps: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 8 }),
      startDay: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 30 * 365 }),
    })
    .map(({ first, steps, gaps, startDay }) => build([first, ...steps], gaps, startDay));

export const withoutSales = scenarioOf(
  fc.oneof({ arbitrary: buyStep, weight: 4 }, { arbitrary: splitStep, weight: 1 }, { arbitrary: dividendStep, weight: 1 }),
);
export const withSales = scenarioOf(
  fc.oneof(
    { arbitrary: buyStep, weight: 4 },
    { arbitrary: sellStep, weight: 4 },
    { arbitrary: splitStep, weight: 1 },
    { arbitrary: dividendStep, weight: 1 },
  ),
);

/** A split ratio with up to six decimals, 0.001..1000, often a plain 2-for-1 or 1-for-10. */
export const someRatio = fc.oneof(
  fc.constantFrom("2", "0.1", "1.5", "0.5").map((ratio) => decimal(ratio)),
  fc.bigInt({ min: 1_000n, max: 1_000_000_000n }).map((millionths) => fromAtto(millionths * 10n ** 12n)),
);

/** A permutation of 0..n−1 drawn from random sort keys. */
export const permutationOf = (n: number) =>
  fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((key, i) => ({ key, i }))
      .sort((a, b) => a.key - b.key)
      .map((k) => k.i),
  );
