import { ATTO_PER_UNIT, divideRoundingHalfUp } from "../quantities/index.js";

/** A position's quantity (in 10⁻¹⁸ units) from `day` on. */
export interface QuantityPoint {
  day: number;
  atto: bigint;
}

export interface HoldingSeries {
  securityId: string;
  currency: string;
  /** Ascending by day. */
  points: QuantityPoint[];
}

/** Daily closes in the security's minor units, ascending; the first may lie before the range. */
export interface PriceHistory {
  days: number[];
  closes: bigint[];
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

interface HoldingState {
  points: QuantityPoint[];
  next: number;
  prices: PriceHistory | undefined;
  nextPrice: number;
  atto: bigint;
  price: bigint | null;
  value: bigint;
  currency: number;
}

const valueOf = (atto: bigint, price: bigint | null): bigint =>
  atto === 0n || price === null ? 0n : divideRoundingHalfUp(atto * price, ATTO_PER_UNIT);

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
  const holdings: HoldingState[] = input.holdings.map((h) => ({
    points: h.points,
    next: 0,
    prices: input.prices.get(h.securityId),
    nextPrice: 0,
    atto: 0n,
    price: null,
    value: 0n,
    currency: indexOf(h.currency),
  }));
  for (const m of [...input.cash, ...input.channels.flat()]) indexOf(m.currency);
  const subtotal = currencies.map(() => 0n);
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
    for (const h of holdings) {
      let changed = false;
      const wasUnpriced = h.atto !== 0n && h.price === null;
      while (h.next < h.points.length && h.points[h.next]!.day <= day) {
        h.atto = h.points[h.next++]!.atto;
        changed = true;
      }
      const p = h.prices;
      if (p) {
        while (h.nextPrice < p.days.length && p.days[h.nextPrice]! <= day) {
          h.price = p.closes[h.nextPrice++]!;
          changed = true;
        }
      }
      if (!changed) continue;
      const value = valueOf(h.atto, h.price);
      subtotal[h.currency]! += value - h.value;
      h.value = value;
      unpriced += (h.atto !== 0n && h.price === null ? 1 : 0) - (wasUnpriced ? 1 : 0);
    }
    while (nextCash < input.cash.length && input.cash[nextCash]!.day <= day) {
      const m = input.cash[nextCash++]!;
      subtotal[indexOf(m.currency)]! += m.minor;
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
      const missing = input.holdings[holdings.findIndex((h) => h.atto !== 0n && h.price === null)]!;
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
    const value = inCurrency(subtotal);
    input.channels.forEach((_, k) => (out.channels[k]![i] = inCurrency(daySums[k]!)));
    out.values[i] = gap === null ? value : null;
    out.gaps[i] = gap;
  }
  return out;
}
