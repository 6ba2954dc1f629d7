import { cashEffect, feesOf } from "../holdings/cash-flows.js";
import type { PortfolioBook, Position } from "../holdings/portfolio-book.js";
import { ATTO_PER_UNIT, toAtto } from "../quantities/index.js";
import type { ActivityRecord } from "../transactions/activity-record.js";
import { dayNumber } from "./day-numbers.js";
import type { HoldingSeries, Movement, QuantityPoint } from "./value-series.js";

/** The channels valueSeries totals per day, in this order. */
export const CHANNEL = { inflow: 0, outflow: 1, dividends: 2, fees: 3 } as const;

export interface BookSeries {
  holdings: HoldingSeries[];
  cash: Movement[];
  channels: Movement[][];
  /** Every currency money of the book is in. */
  currencies: Set<string>;
}

interface DayMovement {
  day: number;
  currency: string;
  cash: bigint;
  inflow: bigint;
  outflow: bigint;
  dividend: bigint;
  fees: bigint;
}

/** A replayed book as the valuation walk reads it: quantities over time, and each activity's money by day. */
interface BookIndex {
  positions: HoldingSeries[];
  movements: DayMovement[];
}

// Kept with the replay, which a cached book shares across requests (and its unchanged positions
// across versions): each is indexed once.
const timelines = new WeakMap<Position, HoldingSeries>();
const movementsOf = new WeakMap<readonly ActivityRecord[], DayMovement[]>();

function timelineOf(position: Position): HoldingSeries {
  let series = timelines.get(position);
  if (!series) {
    series = {
      securityId: position.securityId,
      currency: position.currency,
      points: position.state.timeline.map((point): QuantityPoint => {
        const atto = toAtto(point.quantity);
        return { day: dayNumber(point.date), atto, units: atto % ATTO_PER_UNIT === 0n ? atto / ATTO_PER_UNIT : null };
      }),
    };
    timelines.set(position, series);
  }
  return series;
}

function indexOf(book: PortfolioBook): BookIndex {
  let movements = movementsOf.get(book.activities);
  if (!movements) {
    movements = book.activities.map((activity): DayMovement => {
      const effect = cashEffect(activity, book.tracksCash);
      return {
        day: dayNumber(activity.date),
        currency: activity.currency,
        cash: effect.cashMinor,
        inflow: effect.inflowMinor,
        outflow: effect.outflowMinor,
        dividend: activity.type === "DIVIDEND" ? activity.amountMinor! : 0n,
        fees: feesOf(activity),
      };
    });
    movementsOf.set(book.activities, movements);
  }
  return { positions: [...book.positions.values()].map(timelineOf), movements };
}

/**
 * What the valuation walk needs from a replayed portfolio for the days after `firstDay` through
 * `lastDay`: positions held at some point of it, cash movements (all up to lastDay: the walk
 * starts from their sum), and each channel's movements inside it.
 */
export function bookSeries(book: PortfolioBook, firstDay: number, lastDay: number, options: { withoutCash?: boolean } = {}): BookSeries {
  const index = indexOf(book);
  const currencies = new Set<string>();
  const holdings = index.positions.filter((position) => {
    let held = false;
    for (const point of position.points) {
      if (point.day > lastDay) break;
      // The quantity at the start counts whatever it is; later ones only when something is held.
      held = point.day <= firstDay ? point.atto !== 0n : held || point.atto !== 0n;
    }
    if (held) currencies.add(position.currency);
    return held;
  });
  const cash: Movement[] = [];
  const channels: Movement[][] = [[], [], [], []];
  const withCash = book.tracksCash && !options.withoutCash;
  const add = (channel: number, m: DayMovement, minor: bigint) => {
    if (minor === 0n) return;
    channels[channel]!.push({ day: m.day, currency: m.currency, minor });
    currencies.add(m.currency);
  };
  for (const m of index.movements) {
    if (m.day > lastDay) break;
    if (withCash && m.cash !== 0n) {
      cash.push({ day: m.day, currency: m.currency, minor: m.cash });
      currencies.add(m.currency);
    }
    if (m.day <= firstDay) continue;
    add(CHANNEL.inflow, m, m.inflow);
    add(CHANNEL.outflow, m, m.outflow);
    add(CHANNEL.dividends, m, m.dividend);
    add(CHANNEL.fees, m, m.fees);
  }
  return { holdings, cash, channels, currencies };
}
