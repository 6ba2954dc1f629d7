import { type Decimal } from "decimal.js";

import { decimal } from "../quantities/index.js";
import { type CashFlow, daysBetween, netPerDay } from "./cash-flows.js";

export interface XirrOptions {
  /** Where to look first, and which root wins when flows have several (one in the bracket holding the guess, else the bracket nearest it): 0.1, as spreadsheets. */
  guess?: number;
  /** The step in ln(1 + r) at which the search stops: 1e-10, about that much of 1 + r. */
  tolerance?: number;
}

/** Digits kept in the answer: the solver's tolerance, not the float's noise. */
const ANSWER_DECIMALS = 10;
const MAX_ITERATIONS = 300;

// The solver works on g = ln(1 + r), the continuously compounded rate: every real g is a rate
// above -100%, so no step can leave the domain, and a day's +10% annualised (r ≈ 1.3e15) is as
// reachable as a year's. Sign changes are looked for at these g: dense at the usual rates, then
// coarse out to e^±690, about the largest and smallest factors a float holds.
const USUAL_RATES = [
  -0.999999, -0.9999, -0.99, -0.95, -0.9, -0.8, -0.7, -0.6, -0.5, -0.4, -0.3, -0.2, -0.15, -0.1, -0.05, -0.02, 0, 0.02, 0.05, 0.1, 0.15,
  0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 1e3, 1e4, 1e6, 1e9,
];
const GRID = [[-690, -345, -100, -50, -30, -20], USUAL_RATES.map(Math.log1p), [30, 50, 100, 345, 690]].flat();

/**
 * The annualised internal rate of return of dated flows (XIRR), actual/365: the rate r where
 * Σ amountᵢ / (1 + r)^(daysᵢ / 365) = 0, days counted from the first flow.
 *
 * Signs are the investor's view: money the investor puts in (a contribution, the value at the start)
 * is negative, money the investor gets or keeps (a withdrawal, the value at the end) is positive.
 * Flows on one day are netted (exactly, in decimals) first. Null when the flows do not change sign
 * or no rate solves them.
 *
 * The search runs in floating point on the flows scaled to the largest (each then exact to 1e-16
 * of it) and returns the rate as a Decimal with 10 places. A rate is a statistic shown to two
 * decimals of percent, and float64 is far inside the 1e-10 asked for; a decimal.js power costs about
 * 100 µs (measured), which over five years of daily flows and a few dozen iterations is seconds.
 *
 * Method: a sign change of the net present value is looked for on the grid above; within the
 * bracket nearest the guess, Newton's steps are taken while they stay inside it and shrink it fast
 * enough, bisection otherwise (Numerical Recipes' rtsafe), so it always converges on a bracketed root.
 */
export function xirr(flows: readonly CashFlow[], options: XirrOptions = {}): Decimal | null {
  const guess = options.guess ?? 0.1;
  const tolerance = options.tolerance ?? 1e-10;
  if (!(guess > -1) || !(tolerance > 0)) throw new RangeError("xirr: guess must be above -1 and tolerance positive");
  const netted = netPerDay(flows);
  if (!netted.some((f) => f.amount.isPositive()) || !netted.some((f) => f.amount.isNegative())) return null;

  // Scaled so the largest flow is 1: the solver's tolerances then do not depend on the currency unit.
  const largest = netted.reduce((max, f) => (f.amount.abs().gt(max) ? f.amount.abs() : max), decimal(0));
  const amounts = netted.map((f) => f.amount.div(largest).toNumber());
  const years = netted.map((f) => daysBetween(netted[0]!.date, f.date) / 365);
  const npv = (logGrowth: number) => presentValue(amounts, years, logGrowth);

  const bracket = bracketNearest(npv, Math.log1p(guess));
  if (bracket === null) return null;
  const logGrowth = typeof bracket === "number" ? bracket : solveInBracket(npv, bracket, Math.log1p(guess), tolerance);
  // r = e^g − 1 in decimals: in floats it would lose every digit of a rate near -100%.
  return logGrowth === null ? null : decimal(logGrowth).exp().minus(1).toDecimalPlaces(ANSWER_DECIMALS);
}

interface Valuation {
  value: number;
  slope: number;
}

/**
 * Σ aᵢ e^(−tᵢ g) and its slope in g, both multiplied by one positive factor e^(−c) so that the
 * largest exponent is 0 and nothing overflows. The factor changes neither the sign nor the
 * Newton step value / slope, nor any test rtsafe makes, so the solver never sees it.
 */
function presentValue(amounts: readonly number[], years: readonly number[], logGrowth: number): Valuation {
  const shift = logGrowth >= 0 ? 0 : -years.at(-1)! * logGrowth;
  let value = 0;
  let slope = 0;
  for (let i = 0; i < amounts.length; i++) {
    const discounted = amounts[i]! * Math.exp(-years[i]! * logGrowth - shift);
    value += discounted;
    slope -= years[i]! * discounted;
  }
  return { value, slope };
}

type Bracket = [low: number, high: number];

/** The grid interval with a sign change that holds the guess or lies nearest it; a point when one is exact. */
function bracketNearest(npv: (logGrowth: number) => Valuation, guess: number): Bracket | number | null {
  const points = GRID.map((at) => ({ at, value: npv(at).value })).filter((p) => Number.isFinite(p.value));
  const distance = (low: number, high: number) => (guess < low ? low - guess : guess > high ? guess - high : 0);
  let best: Bracket | number | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    const next = points[i + 1];
    if (point.value === 0 && distance(point.at, point.at) < bestDistance) {
      [best, bestDistance] = [point.at, distance(point.at, point.at)];
    }
    if (next && point.value * next.value < 0 && distance(point.at, next.at) < bestDistance) {
      [best, bestDistance] = [[point.at, next.at], distance(point.at, next.at)];
    }
  }
  return best;
}

function solveInBracket(npv: (logGrowth: number) => Valuation, [low, high]: Bracket, guess: number, tolerance: number): number | null {
  // Orient the bracket so that npv(below) < 0 < npv(above).
  let [below, above] = npv(low).value < 0 ? [low, high] : [high, low];
  let at = guess > low && guess < high ? guess : (low + high) / 2;
  let lastStep = Math.abs(high - low);
  let step = lastStep;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { value, slope } = npv(at);
    if (value === 0) return at;
    if (value < 0) below = at;
    else above = at;
    const newtonLeavesBracket = ((at - above) * slope - value) * ((at - below) * slope - value) > 0;
    const newtonTooSlow = Math.abs(2 * value) > Math.abs(lastStep * slope);
    lastStep = step;
    if (newtonLeavesBracket || newtonTooSlow || !Number.isFinite(slope)) {
      step = (above - below) / 2;
      at = below + step;
    } else {
      step = value / slope;
      at -= step;
    }
    // A step of δ in g moves the rate by about (1 + r)·δ: within the tolerance, relative for large rates.
    if (Math.abs(step) <= tolerance) return at;
  }
  return null;
}
