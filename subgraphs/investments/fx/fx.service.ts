import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { latestDayAnywhere, marketDate } from "../prices/price-dates.js";
import { SHARED_OWNER } from "../securities/security.service.js";
import { type FxRateOn, inverseRate, plainDecimal, rateText } from "./fx-rate.js";

export const MAX_FX_RATES_PER_CALL = 5_000;
const CHUNK = 1_000;

export interface FxRateInputLike {
  base: string;
  quote: string;
  date: string;
  rate: string;
}

/** A stored rate: 1 base = rate quote on date. */
export interface StoredFxRate {
  base: string;
  quote: string;
  date: string;
  rate: string;
}

/** Rates of one pair by day, oldest first, each as 1 base = rate quote. */
export interface FxSeries {
  dates: string[];
  rates: FxRateOn[];
}

interface RateRow {
  date: string;
  rate: string;
  direct: boolean;
}

/**
 * FX rates per day for valuing holdings in another currency. Shared rows (no user) are a feed's;
 * a user's own win over them on the same day. A pair stored only the other way round is used
 * inverted. Rates are decimal strings end to end (numeric in PostgreSQL, decimal.js in code).
 */
export class FxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Stores the user's own rates (replacing theirs for those days); all or nothing. */
  async setRates(userId: string, rates: readonly FxRateInputLike[]): Promise<StoredFxRate[]> {
    if (rates.length > MAX_FX_RATES_PER_CALL) throw badInput(`at most ${MAX_FX_RATES_PER_CALL} rates per call`, { field: "rates" });
    const latest = latestDayAnywhere(this.clock.now());
    const seen = new Set<string>();
    const rows = rates.map((r, i): StoredFxRate => {
      const field = `rates[${i}]`;
      const base = currencyIn(r.base, `${field}.base`);
      const quote = currencyIn(r.quote, `${field}.quote`);
      if (base === quote) throw badInput("a rate converts between two different currencies", { field: `${field}.quote` });
      const date = marketDate(r.date, `${field}.date`, latest);
      const key = `${base}|${quote}|${date}`;
      if (seen.has(key)) throw badInput(`${base}→${quote} has two rates for ${date}`, { field: `${field}.date` });
      seen.add(key);
      return { base, quote, date, rate: rateText(r.rate, `${field}.rate`) };
    });
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await manager.query(
          `INSERT INTO investments.fx_rates (user_id, base, quote, date, rate, source, updated_at)
           SELECT $1, k.base, k.quote, k.date, k.rate, 'MANUAL', $6
           FROM unnest($2::text[], $3::text[], $4::date[], $5::numeric[]) AS k(base, quote, date, rate)
           ON CONFLICT (base, quote, date, owner) DO UPDATE SET rate = EXCLUDED.rate, updated_at = EXCLUDED.updated_at`,
          [
            userId,
            chunk.map((r) => r.base),
            chunk.map((r) => r.quote),
            chunk.map((r) => r.date),
            chunk.map((r) => r.rate),
            this.clock.now(),
          ],
        );
      }
    });
    return rows;
  }

  /**
   * The latest rate on or before `date` the user sees for base→quote, with its own day: their own
   * before a shared one on the same day, a rate stored this way round before an inverted one.
   * null when there is none (never a guess); 1 for a currency against itself.
   */
  async fxOn(
    userId: string,
    base: string,
    quote: string,
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FxRateOn | null> {
    const [from, to] = [currencyIn(base, "base"), currencyIn(quote, "quote")];
    if (from === to) return { base: from, quote: to, date, rate: "1", inverse: false, stored: "1" };
    const [row]: RateRow[] = await manager.query(
      `SELECT to_char(r.date, 'YYYY-MM-DD') AS date, r.rate::text AS rate, r.base = $2 AS direct FROM investments.fx_rates r
       WHERE ((r.base = $2 AND r.quote = $3) OR (r.base = $3 AND r.quote = $2)) AND r.date <= $4
         AND r.owner = ANY(ARRAY[$1::uuid, '${SHARED_OWNER}'::uuid])
       ORDER BY r.date DESC, r.user_id IS NULL, r.base = $2 DESC
       LIMIT 1`,
      [userId, from, to, date],
    );
    return row ? rateOn(from, to, row) : null;
  }

  /**
   * Each day's rate from `from` to `to` for base→quote (the same precedence as fxOn), preceded by
   * the latest rate before `from` when there is one. One statement.
   */
  async fxBetween(
    userId: string,
    base: string,
    quote: string,
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FxSeries> {
    const [b, q] = [currencyIn(base, "base"), currencyIn(quote, "quote")];
    if (b === q) throw badInput("a rate converts between two different currencies", { field: "quote" });
    const pair = `((r.base = $2 AND r.quote = $3) OR (r.base = $3 AND r.quote = $2)) AND r.owner = ANY(ARRAY[$1::uuid, '${SHARED_OWNER}'::uuid])`;
    const rows: RateRow[] = await manager.query(
      `(SELECT to_char(r.date, 'YYYY-MM-DD') AS date, r.rate::text AS rate, r.base = $2 AS direct FROM investments.fx_rates r
        WHERE ${pair} AND r.date < $4 ORDER BY r.date DESC, r.user_id IS NULL, r.base = $2 DESC LIMIT 1)
       UNION ALL
       (SELECT DISTINCT ON (r.date) to_char(r.date, 'YYYY-MM-DD'), r.rate::text, r.base = $2 FROM investments.fx_rates r
        WHERE ${pair} AND r.date BETWEEN $4 AND $5 ORDER BY r.date, r.user_id IS NULL, r.base = $2 DESC)
       ORDER BY date`,
      [userId, b, q, from, to],
    );
    return { dates: rows.map((r) => r.date), rates: rows.map((r) => rateOn(b, q, r)) };
  }

  /** The user's own rates go; shared ones stay. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM investments.fx_rates WHERE user_id = $1`, [userId]);
  }
}

function currencyIn(code: string, field: string): string {
  try {
    return normalizeCurrency(code);
  } catch {
    throw badInput(`unknown currency "${code.slice(0, 8)}"`, { field });
  }
}

function rateOn(base: string, quote: string, row: RateRow): FxRateOn {
  const stored = plainDecimal(row.rate);
  return { base, quote, date: row.date, rate: row.direct ? stored : inverseRate(stored), inverse: !row.direct, stored };
}
