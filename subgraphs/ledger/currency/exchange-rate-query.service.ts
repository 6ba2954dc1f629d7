import type { DataSource, EntityManager } from "typeorm";

import { type DayRate, numericText } from "./conversion.js";

export const rateKey = (date: string, from: string, to: string) => `${date}|${from}|${to}`;

/**
 * Reads a user's exchange rates. Kept apart from ExchangeRateService (the writes) because the
 * transaction event publisher needs these reads, while writing a rate needs that publisher.
 */
export class ExchangeRateQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rates for many (date, from, to) keys in one statement: the day's rate as stored, or the
   * stored reverse rate (used by division). A day without either is missing: never a neighbour's.
   */
  async lookup(
    userId: string,
    keys: ReadonlyArray<{ date: string; from: string; to: string }>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DayRate>> {
    if (keys.length === 0) return new Map();
    // Inside a write, `manager` is its transaction: the embedded database has one session only.
    const rows: Array<{ date: string; from_currency: string; to_currency: string; rate: string }> = await manager.query(
      `SELECT to_char(r.date, 'YYYY-MM-DD') AS date, r.from_currency, r.to_currency, r.rate::text AS rate
       FROM ledger.exchange_rates r
       JOIN unnest($2::date[], $3::text[], $4::text[]) AS k(date, a, b)
         ON r.date = k.date AND ((r.from_currency = k.a AND r.to_currency = k.b) OR (r.from_currency = k.b AND r.to_currency = k.a))
       WHERE r.user_id = $1`,
      [userId, keys.map((k) => k.date), keys.map((k) => k.from), keys.map((k) => k.to)],
    );
    return dayRates(rows);
  }

  /**
   * The user's base currency and the day's rates from each (date, currency) to it, in one
   * statement (a write's events need both: one round trip, not two). No settings row: no base.
   */
  async toBase(
    userId: string,
    days: ReadonlyArray<{ date: string; currency: string }>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ToBase> {
    const rows: Array<{ base: string; date: string | null; from_currency: string; to_currency: string; rate: string }> =
      await manager.query(
        `SELECT s.base_currency AS base, to_char(r.date, 'YYYY-MM-DD') AS date, r.from_currency, r.to_currency, r.rate::text AS rate
       FROM ledger.user_settings s
       LEFT JOIN LATERAL (
         SELECT r.* FROM ledger.exchange_rates r
         JOIN unnest($2::date[], $3::text[]) AS k(date, currency)
           ON k.currency <> s.base_currency AND r.date = k.date
          AND ((r.from_currency = k.currency AND r.to_currency = s.base_currency) OR (r.from_currency = s.base_currency AND r.to_currency = k.currency))
         WHERE r.user_id = s.user_id
       ) r ON true
       WHERE s.user_id = $1`,
        [userId, days.map((d) => d.date), days.map((d) => d.currency)],
      );
    return toBaseOf(rows[0]?.base ?? null, rows.filter((r) => r.date !== null) as Array<RateRow>);
  }

  /** The newest rate on or before `date` per currency pair, for figures "as of" a day (net worth). */
  async latestOnOrBefore(
    userId: string,
    date: string,
    pairs: ReadonlyArray<{ from: string; to: string }>,
  ): Promise<Map<string, DayRate & { date: string }>> {
    const out = new Map<string, DayRate & { date: string }>();
    for (const { from, to } of pairs) {
      const [row] = await this.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, rate::text AS rate, from_currency = $2 AS direct FROM ledger.exchange_rates
         WHERE user_id = $1 AND date <= $4 AND ((from_currency = $2 AND to_currency = $3) OR (from_currency = $3 AND to_currency = $2))
         ORDER BY date DESC, (from_currency = $2) DESC LIMIT 1`,
        [userId, from, to, date],
      );
      if (row) out.set(`${from}|${to}`, { rate: numericText(row.rate), inverse: !row.direct, date: row.date });
    }
    return out;
  }
}

/** What `toBase` answers, from the base currency and the rate rows a statement read (a write's context read reads them too). */
export function toBaseOf(base: string | null, rows: readonly RateRow[]): ToBase {
  return { base, rates: dayRates(rows) };
}

export interface ToBase {
  base: string | null;
  rates: Map<string, DayRate>;
}

export interface RateRow {
  date: string;
  from_currency: string;
  to_currency: string;
  rate: string;
}

function dayRates(rows: readonly RateRow[]): Map<string, DayRate> {
  const found = new Map<string, DayRate>();
  for (const r of rows) found.set(rateKey(r.date, r.from_currency, r.to_currency), { rate: numericText(r.rate), inverse: false });
  // A rate stored the asked way round wins over dividing by the reverse one.
  for (const r of rows) {
    const reverse = rateKey(r.date, r.to_currency, r.from_currency);
    if (!found.has(reverse)) found.set(reverse, { rate: numericText(r.rate), inverse: true });
  }
  return found;
}
