import { ATTO_PER_UNIT } from "../quantities/index.js";
import { addExact, asSafeNumber } from "./exact-total.js";

/** A position's quantity from `day` on: in 10⁻¹⁸ units, and in whole units when it is whole. */
export interface QuantityPoint {
  day: number;
  atto: bigint;
  units: bigint | null;
}

export interface HoldingSeries {
  securityId: string;
  currency: string;
  /** Ascending by day. */
  points: QuantityPoint[];
}

/** Daily closes in the security's minor units, ascending; the first may lie before the range. */
export interface PriceHistory {
  days: readonly number[];
  closes: readonly bigint[];
  /** Each close as a safe integer, or NaN when it is not one (see exact-total.ts). */
  numbers: readonly number[];
}

/**
 * A currency's conversion into the portfolio's, by the day each rate is from, ascending; the first
 * may lie before the range. Each converter rounds once to the portfolio currency's minor unit.
 */
export interface RateHistory {
  days: number[];
  converters: Array<(minor: bigint) => bigint>;
}

/** An amount of money on a day (a cash movement, a flow, a dividend). */
export interface Movement {
  day: number;
  currency: string;
  minor: bigint;
}

export interface SeriesInput {
  /** The portfolio's currency: every output is in it. */
  currency: string;
  firstDay: number;
  lastDay: number;
  holdings: HoldingSeries[];
  prices: ReadonlyMap<string, PriceHistory>;
  /** Cash balance changes, ascending by day (none unless the portfolio holds cash). */
  cash: readonly Movement[];
  /** Movements to total per day (flows in, flows out, dividends, fees), each ascending by day. */
  channels: ReadonlyArray<readonly Movement[]>;
  /** By currency, for every currency but `currency`. */
  rates: ReadonlyMap<string, RateHistory>;
}

/** Why a day has no value: a held security without a price, or a currency without a rate, yet. */
export type Gap = { securityId: string } | { currency: string };

export interface SeriesOutput {
  /** Index i is the end of day firstDay + i; null on a gap. */
  values: Array<bigint | null>;
  gaps: Array<Gap | null>;
  /** Per channel, per day: the day's movements converted (per currency, rounded once); null on a gap. */
  channels: Array<Array<bigint | null>>;
}

/** One holding during the walk; every field keeps one type, so the loop below stays monomorphic. */
interface HoldingState {
  points: QuantityPoint[];
  next: number;
  priceDays: readonly number[];
  closes: readonly bigint[];
  numbers: readonly number[];
  nextPrice: number;
  held: boolean;
  atto: bigint;
  units: bigint | null;
  /** `units` as a safe integer, or NaN. */
  unitsNumber: number;
  priced: boolean;
  price: bigint;
  /** `price` as a safe integer, or NaN. */
  priceNumber: number;
  /** Its value now, as `small + big`: a safe integer while it is one (see exact-total.ts). */
  small: number;
  big: bigint;
  /** Whether `big` is not zero (a flag: comparing BigInts costs more than the rest of a day's step). */
  hasBig: boolean;
  currency: number;
}

const HALF = ATTO_PER_UNIT / 2n;

/** Per currency, the running total of the holdings' values and cash, exact: `small[c] + big[c]`. */
interface Totals {
  small: number[];
  big: bigint[];
}

/** Sets a holding's value to quantity × close rounded once, half up (both are positive), and moves its currency's total with it. */
function revalue(h: HoldingState, totals: Totals): void {
  let small = 0;
  let big = 0n;
  let hasBig = false;
  if (h.held && h.priced) {
    // NaN (a quantity or close past 2^53) or a product past it is not a safe integer: BigInt then.
    const product = h.unitsNumber * h.priceNumber;
    if (Number.isSafeInteger(product)) small = product;
    else {
      big = h.units === null ? (h.atto * h.price + HALF) / ATTO_PER_UNIT : h.units * h.price;
      hasBig = true;
    }
  }
  addExact(totals, h.currency, small - h.small);
  if (hasBig || h.hasBig) totals.big[h.currency]! += big - h.big;
  h.small = small;
  h.big = big;
  h.hasBig = hasBig;
}

/**
 * The portfolio's value at the end of every day from firstDay to lastDay, walking the days once:
 * each holding's value is recomputed only when its quantity or price changes, and the total is kept
 * per currency (securities' and cash) and converted once per currency per day, at the latest rate
 * on or before the day. A held security with no price on or before a day, or a currency without a
 * rate, makes the day a gap: reported, never filled from a later price or another currency.
 */
export function valueSeries(input: SeriesInput): SeriesOutput {
  const currencies = [input.currency];
  const indexOf = (currency: string) => {
    const found = currencies.indexOf(currency);
    return found >= 0 ? found : currencies.push(currency) - 1;
  };
  const holdings: HoldingState[] = input.holdings.map((h) => {
    const prices = input.prices.get(h.securityId);
    return {
      points: h.points,
      next: 0,
      priceDays: prices?.days ?? [],
      closes: prices?.closes ?? [],
      numbers: prices?.numbers ?? [],
      nextPrice: 0,
      held: false,
      atto: 0n,
      units: 0n,
      unitsNumber: 0,
      priced: false,
      price: 0n,
      priceNumber: Number.NaN,
      small: 0,
      big: 0n,
      hasBig: false,
      currency: indexOf(h.currency),
    };
  });
  for (const m of [...input.cash, ...input.channels.flat()]) indexOf(m.currency);
  const totals: Totals = { small: currencies.map(() => 0), big: currencies.map(() => 0n) };
  const rates: Array<RateHistory | undefined> = currencies.map((c) => input.rates.get(c));
  const rateAt = currencies.map(() => null as ((minor: bigint) => bigint) | null);
  const nextRate = currencies.map(() => 0);
  let nextCash = 0;
  const nextChannel = input.channels.map(() => 0);
  let unpriced = 0;

  const days = input.lastDay - input.firstDay + 1;
  const out: SeriesOutput = {
    values: new Array(days),
    gaps: new Array(days).fill(null),
    channels: input.channels.map(() => new Array(days)),
  };
  const daySums = input.channels.map(() => currencies.map(() => 0n));

  for (let i = 0; i < days; i++) {
    const day = input.firstDay + i;
    for (let k = 0; k < holdings.length; k++) {
      const h = holdings[k]!;
      const wasUnpriced = h.held && !h.priced;
      let changed = false;
      if (h.next < h.points.length && h.points[h.next]!.day <= day) {
        while (h.next + 1 < h.points.length && h.points[h.next + 1]!.day <= day) h.next++;
        const point = h.points[h.next++]!;
        h.atto = point.atto;
        h.held = point.atto !== 0n;
        h.units = point.units;
        h.unitsNumber = point.units === null ? Number.NaN : asSafeNumber(point.units);
        changed = true;
      }
      if (h.nextPrice < h.priceDays.length && h.priceDays[h.nextPrice]! <= day) {
        while (h.nextPrice + 1 < h.priceDays.length && h.priceDays[h.nextPrice + 1]! <= day) h.nextPrice++;
        h.price = h.closes[h.nextPrice]!;
        h.priceNumber = h.numbers[h.nextPrice]!;
        h.priced = true;
        h.nextPrice++;
        changed = true;
      }
      if (!changed) continue;
      revalue(h, totals);
      unpriced += (h.held && !h.priced ? 1 : 0) - (wasUnpriced ? 1 : 0);
    }
    while (nextCash < input.cash.length && input.cash[nextCash]!.day <= day) {
      const m = input.cash[nextCash++]!;
      totals.big[indexOf(m.currency)]! += m.minor;
    }
    for (let c = 1; c < currencies.length; c++) {
      const r = rates[c];
      while (r && nextRate[c]! < r.days.length && r.days[nextRate[c]!]! <= day) rateAt[c] = r.converters[nextRate[c]!++]!;
    }
    input.channels.forEach((movements, k) => {
      const sums = daySums[k]!;
      sums.fill(0n);
      while (nextChannel[k]! < movements.length && movements[nextChannel[k]!]!.day <= day) {
        const m = movements[nextChannel[k]!++]!;
        if (m.day === day) sums[indexOf(m.currency)]! += m.minor;
      }
    });

    let gap: Gap | null = null;
    if (unpriced > 0) {
      const missing = input.holdings[holdings.findIndex((h) => h.held && !h.priced)]!;
      gap = { securityId: missing.securityId };
    }
    const inCurrency = (amounts: bigint[]): bigint | null => {
      let total = amounts[0]!;
      for (let c = 1; c < amounts.length; c++) {
        if (amounts[c] === 0n) continue;
        const rate = rateAt[c];
        if (rate === null || rate === undefined) {
          gap ??= { currency: currencies[c]! };
          return null;
        }
        total += rate(amounts[c]!);
      }
      return total;
    };
    const value = inCurrency(totals.big.map((big, c) => big + BigInt(totals.small[c]!)));
    input.channels.forEach((_, k) => (out.channels[k]![i] = inCurrency(daySums[k]!)));
    out.values[i] = gap === null ? value : null;
    out.gaps[i] = gap;
  }
  return out;
}
