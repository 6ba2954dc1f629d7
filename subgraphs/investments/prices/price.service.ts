import type { DataSource, EntityManager } from "typeorm";

import { badInput, isClientError } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { unknownSymbol } from "../securities/security.errors.js";
import { type SecurityService, SHARED_OWNER } from "../securities/security.service.js";
import { symbolText } from "../securities/security-fields.js";
import type { PriceEvents } from "./price.events.js";
import { readPriceCsv } from "./price-csv.js";
import { latestDayAnywhere, marketDate } from "./price-dates.js";
import { positiveClose, type PriceSource } from "./price-values.js";

export const MAX_PRICES_PER_CALL = 5_000;
export const MAX_PRICE_IMPORT_ROWS = 10_000;
const CHUNK = 1_000;

/**
 * What a user sees: the feed's rows and their own. Ordering by `owner DESC` puts their own first
 * on a day both exist (any uuid sorts after the zero one shared rows are filed under), which is
 * the primary key's own order read backwards: no sort. Written as OR, not `= ANY(...)`: an array
 * on the key's last column would make PostgreSQL before 17 give up that order and sort every day.
 */
const VISIBLE = `(p.owner = $1::uuid OR p.owner = '${SHARED_OWNER}'::uuid)`;

export interface PriceInputLike {
  symbol: string;
  date: string;
  close: { amount: string; currency: string };
}

/** One stored close. */
export interface StoredPrice {
  securityId: string;
  date: string;
  closeMinor: bigint;
  currency: string;
  source: PriceSource;
}

/** The close a valuation uses for a day, and the day it is from (`priceDate`, on or before the day asked). */
export interface PriceOn {
  closeMinor: bigint;
  currency: string;
  priceDate: string;
  source: PriceSource;
}

/** A security's closes by day, oldest first, as parallel arrays (compact for thousands of days). */
export interface PriceSeries {
  currency: string;
  dates: string[];
  closesMinor: bigint[];
  sources: PriceSource[];
}

export interface PriceImportResult {
  saved: number;
  errors: Array<{ row: number; field: string; message: string }>;
}

/**
 * Daily closes. A feed's closes are shared (no user); a user's own, typed or imported, are theirs
 * alone and win over the feed's on the same day. Every read is "visible to this user": shared
 * rows plus their own, filtered in SQL.
 */
export class PriceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly securities: SecurityService,
    private readonly events: PriceEvents,
  ) {}

  /** Stores the user's own closes (replacing theirs for those days); all or nothing. */
  async setPrices(userId: string, prices: readonly PriceInputLike[], traceId: string): Promise<StoredPrice[]> {
    if (prices.length > MAX_PRICES_PER_CALL) throw badInput(`at most ${MAX_PRICES_PER_CALL} prices per call`, { field: "prices" });
    const latest = latestDayAnywhere(this.clock.now());
    const checked = prices.map((p, i) => {
      const field = `prices[${i}]`;
      return {
        field,
        symbol: symbolText(p.symbol, `${field}.symbol`),
        date: marketDate(p.date, `${field}.date`, latest),
        close: positiveClose(p.close.amount, p.close.currency, `${field}.close`),
      };
    });
    return this.dataSource.transaction(async (manager) => {
      const known = await this.securities.findBySymbols(
        manager,
        userId,
        checked.map((c) => c.symbol),
      );
      const seen = new Set<string>();
      const rows = checked.map((c): StoredPrice => {
        const security = known.get(c.symbol);
        if (!security) throw unknownSymbol(c.symbol, `${c.field}.symbol`);
        if (c.close.currency !== security.currency)
          throw badInput(`${security.symbol} is priced in ${security.currency}`, { field: `${c.field}.close.currency` });
        const key = `${security.id}|${c.date}`;
        if (seen.has(key)) throw badInput(`${security.symbol} has two prices for ${c.date}`, { field: `${c.field}.date` });
        seen.add(key);
        return { securityId: security.id, date: c.date, closeMinor: c.close.amountMinor, currency: security.currency, source: "MANUAL" };
      });
      await this.upsert(manager, userId, rows);
      await this.events.updated(manager, traceId, userId, rows);
      return rows;
    });
  }

  /**
   * CSV with the columns symbol, date, close and optionally currency (the security's when empty).
   * Good rows are stored as the user's own in one transaction; bad ones are reported by line.
   */
  async importPrices(userId: string, csv: string, traceId: string): Promise<PriceImportResult> {
    const lines = readPriceCsv(csv, MAX_PRICE_IMPORT_ROWS);
    const latest = latestDayAnywhere(this.clock.now());
    return this.dataSource.transaction(async (manager) => {
      const symbols = lines.map((l) => l.symbol.trim()).filter(Boolean);
      const known = await this.securities.findBySymbols(manager, userId, symbols);
      const errors: PriceImportResult["errors"] = [];
      const rows: StoredPrice[] = [];
      const firstRow = new Map<string, number>();
      for (const line of lines) {
        try {
          const symbol = symbolText(line.symbol, "symbol");
          const security = known.get(symbol);
          if (!security) throw unknownSymbol(symbol, "symbol");
          const date = marketDate(line.date, "date", latest);
          const currency = line.currency ? normalizeCurrency(line.currency) : security.currency;
          if (currency !== security.currency) throw badInput(`${symbol} is priced in ${security.currency}`, { field: "currency" });
          const close = positiveClose(line.close, currency, "close");
          const key = `${security.id}|${date}`;
          const earlier = firstRow.get(key);
          if (earlier !== undefined) throw badInput(`row ${earlier} already prices ${symbol} on ${date}`, { field: "date" });
          firstRow.set(key, line.row);
          rows.push({ securityId: security.id, date, closeMinor: close.amountMinor, currency, source: "IMPORT" });
        } catch (error) {
          if (!isClientError(error)) throw error;
          errors.push({ row: line.row, field: String(error.extensions.field ?? "row"), message: error.message });
        }
      }
      await this.upsert(manager, userId, rows);
      await this.events.updated(manager, traceId, userId, rows);
      return { saved: rows.length, errors };
    });
  }

  /** A feed's closes for one shared security (replacing the feed's for those days). */
  async upsertShared(manager: EntityManager, rows: readonly StoredPrice[]): Promise<void> {
    await this.upsert(manager, null, rows);
  }

  /**
   * Per security: the latest close on or before `date` that `userId` sees, with its own day
   * (`priceDate`); the user's own close wins over the feed's on the same day. A security without
   * one is absent: a missing price is reported by the caller, never guessed. One statement, one
   * backward index probe per security.
   */
  async priceOn(manager: EntityManager, userId: string, securityIds: readonly string[], date: string): Promise<Map<string, PriceOn>> {
    const ids = [...new Set(securityIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ security_id: string; date: string; close_minor: string; currency: string; source: PriceSource }> =
      await manager.query(
        `SELECT ids.id AS security_id, c.date, c.close_minor, c.currency, c.source
         FROM unnest($2::uuid[]) AS ids(id)
         CROSS JOIN LATERAL (
           SELECT to_char(p.date, 'YYYY-MM-DD') AS date, p.close_minor::text AS close_minor, p.currency, p.source FROM investments.prices p
           WHERE p.security_id = ids.id AND p.date <= $3 AND ${VISIBLE}
           ORDER BY p.date DESC, p.owner DESC
           LIMIT 1
         ) c`,
        [userId, ids, date],
      );
    return new Map(
      rows.map((r) => [
        r.security_id,
        { closeMinor: BigInt(r.close_minor), currency: r.currency.trim(), priceDate: r.date, source: r.source },
      ]),
    );
  }

  /**
   * Every day's visible close from `from` to `to` per security, oldest first, the user's own
   * winning on a day both exist. With `carryIn` (the default) each series starts with the latest
   * close before `from` when there is one, so a chart has a value from its first day. One
   * statement: per security an index-only range scan, folded into one text value (parsing a few
   * hundred thousand array elements costs more than the query itself).
   */
  async pricesBetween(
    userId: string,
    securityIds: readonly string[],
    from: string,
    to: string,
    options: { carryIn?: boolean; manager?: EntityManager } = {},
  ): Promise<Map<string, PriceSeries>> {
    const ids = [...new Set(securityIds)];
    if (ids.length === 0) return new Map();
    const rows: Array<{ security_id: string; currency: string; series: string }> = await (options.manager ?? this.dataSource.manager).query(
      `SELECT ids.id AS security_id, s.currency, s.series
       FROM unnest($2::uuid[]) AS ids(id)
       CROSS JOIN LATERAL (
         SELECT min(d.currency) AS currency,
           string_agg(d.date::text || ' ' || d.close_minor::text || ' ' || d.source, ',' ORDER BY d.date) AS series
         FROM (
           (SELECT p.date, p.close_minor, p.currency, p.source FROM investments.prices p
            WHERE $5 AND p.security_id = ids.id AND p.date < $3 AND ${VISIBLE}
            ORDER BY p.date DESC, p.owner DESC LIMIT 1)
           UNION ALL
           (SELECT DISTINCT ON (p.date) p.date, p.close_minor, p.currency, p.source FROM investments.prices p
            WHERE p.security_id = ids.id AND p.date BETWEEN $3 AND $4 AND ${VISIBLE}
            ORDER BY p.date DESC, p.owner DESC)
         ) AS d
       ) AS s
       WHERE s.series IS NOT NULL`,
      [userId, ids, from, to, options.carryIn ?? true],
    );
    return new Map(rows.map((r) => [r.security_id, seriesOf(r.currency.trim(), r.series)]));
  }

  /** The user's own closes go; shared ones stay. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM investments.prices WHERE user_id = $1`, [userId]);
  }

  private async upsert(manager: EntityManager, userId: string | null, rows: readonly StoredPrice[]): Promise<void> {
    const now = this.clock.now();
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await manager.query(
        `INSERT INTO investments.prices (security_id, user_id, date, close_minor, currency, source, updated_at)
         SELECT k.security_id, $1::uuid, k.date, k.close_minor, k.currency, k.source, $7
         FROM unnest($2::uuid[], $3::date[], $4::bigint[], $5::text[], $6::text[]) AS k(security_id, date, close_minor, currency, source)
         ON CONFLICT (security_id, date, owner) DO UPDATE
           SET close_minor = EXCLUDED.close_minor, currency = EXCLUDED.currency, source = EXCLUDED.source, updated_at = EXCLUDED.updated_at`,
        [
          userId,
          chunk.map((r) => r.securityId),
          chunk.map((r) => r.date),
          chunk.map((r) => r.closeMinor.toString()),
          chunk.map((r) => r.currency),
          chunk.map((r) => r.source),
          now,
        ],
      );
    }
  }
}

/** "date close source,..." (dates as PostgreSQL writes them, ISO) into parallel arrays. */
function seriesOf(currency: string, text: string): PriceSeries {
  const points = text.split(",");
  const series: PriceSeries = {
    currency,
    dates: new Array<string>(points.length),
    closesMinor: new Array<bigint>(points.length),
    sources: new Array<PriceSource>(points.length),
  };
  points.forEach((point, i) => {
    const [date, close, source] = point.split(" ") as [string, string, PriceSource];
    series.dates[i] = date;
    series.closesMinor[i] = BigInt(close);
    series.sources[i] = source;
  });
  // A server set to another DateStyle would write dates differently: refuse rather than misread.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(series.dates[0]!)) throw new Error(`PostgreSQL wrote a date as ${series.dates[0]}: set DateStyle to ISO`);
  return series;
}
