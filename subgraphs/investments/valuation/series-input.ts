import { cashEffect, feesOf } from "../holdings/cash-flows.js";
import type { PortfolioBook } from "../holdings/portfolio-book.js";
import { toAtto } from "../quantities/index.js";
import { dayNumber } from "./day-numbers.js";
import type { HoldingSeries, Movement } from "./value-series.js";

/** The channels valueSeries totals per day, in this order. */
export const CHANNEL = { inflow: 0, outflow: 1, dividends: 2, fees: 3 } as const;

export interface BookSeries {
  holdings: HoldingSeries[];
  cash: Movement[];
  channels: Movement[][];
  /** Every currency money of the book is in. */
  currencies: Set<string>;
}

/**
 * What the valuation walk needs from a replayed portfolio: each position's quantity over time (from
 * the replay's timeline), cash movements, and the per-day movements of each channel. Positions
 * held at no point of [firstDay, lastDay] are left out: they need no prices.
 */
export function bookSeries(book: PortfolioBook, firstDay: number, lastDay: number, options: { withoutCash?: boolean } = {}): BookSeries {
  const currencies = new Set<string>();
  const holdings: HoldingSeries[] = [];
  for (const position of book.positions.values()) {
    const points = [];
    let heldInRange = false;
    let before: bigint = 0n;
    for (const point of position.state.timeline) {
      const day = dayNumber(point.date);
      if (day > lastDay) break;
      const atto = toAtto(point.quantity);
      if (day <= firstDay) before = atto;
      else if (atto !== 0n) heldInRange = true;
      points.push({ day, atto });
    }
    if (!heldInRange && before === 0n) continue;
    holdings.push({ securityId: position.securityId, currency: position.currency, points });
    currencies.add(position.currency);
  }
  const cash: Movement[] = [];
  const channels: Movement[][] = [[], [], [], []];
  const withCash = book.tracksCash && !options.withoutCash;
  for (const activity of book.activities) {
    const day = dayNumber(activity.date);
    if (day > lastDay) break;
    const { currency } = activity;
    const effect = cashEffect(activity, book.tracksCash);
    if (withCash && effect.cashMinor !== 0n) {
      cash.push({ day, currency, minor: effect.cashMinor });
      currencies.add(currency);
    }
    if (day <= firstDay) continue;
    const add = (channel: number, minor: bigint) => {
      if (minor === 0n) return;
      channels[channel]!.push({ day, currency, minor });
      currencies.add(currency);
    };
    add(CHANNEL.inflow, effect.inflowMinor);
    add(CHANNEL.outflow, effect.outflowMinor);
    if (activity.type === "DIVIDEND") add(CHANNEL.dividends, activity.amountMinor!);
    add(CHANNEL.fees, feesOf(activity));
  }
  return { holdings, cash, channels, currencies };
}
