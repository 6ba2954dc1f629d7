import { parse } from "csv-parse/sync";
import type { DataSource, EntityManager } from "typeorm";
import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { calendarDate } from "../transactions/calendar-date.js";
import { numericText, rateText, type DayRate } from "./conversion.js";
import type { Repricing } from "./repricing.js";

export interface RateInput {
  date: string;
  from: string;
  to: string;
  rate: string;
}

export interface RateImportResult {
  saved: number;
  errors: Array<{ row: number; message: string }>;
}

export const MAX_RATES_PER_CALL = 5000;

export class ExchangeRateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private repricing: Repricing | undefined;

  /** Set rates re-announce the transactions they price (see Repricing). */
  useRepricing(repricing: Repricing): void {
    this.repricing = repricing;
  }

  /** Stores (or replaces) a user's rates for given days; all or nothing. */
  async set(userId: string, rates: RateInput[], traceId: string): Promise<number> {
    if (rates.length === 0) return 0;
    if (rates.length > MAX_RATES_PER_CALL) throw badInput(`at most ${MAX_RATES_PER_CALL} rates per call`, { field: "rates" });
    const rows = rates.map((r, i) => this.checked(r, `rates.${i}`));
    await this.dataSource.transaction((manager) => this.upsert(manager, userId, rows, traceId));
    return rows.length;
  }

  /** CSV with a header `date,from,to,rate`: good rows are saved, bad ones reported by line. */
  async importCsv(userId: string, content: string, traceId: string): Promise<RateImportResult> {
    let records: string[][];
    try {
      records = parse(content, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, to: MAX_RATES_PER_CALL + 1 });
    } catch (error) {
      throw badInput(`not a CSV file: ${(error as Error).message.slice(0, 200)}`, { field: "content" });
    }
    const [header, ...body] = records;
    const columns = (header ?? []).map((h) => h.toLowerCase());
    const at = (name: string) => columns.indexOf(name);
    if (["date", "from", "to", "rate"].some((c) => at(c) < 0)) throw badInput("the header must name the columns date, from, to and rate", { field: "content" });
    if (body.length > MAX_RATES_PER_CALL) throw badInput(`at most ${MAX_RATES_PER_CALL} rates per file`, { field: "content" });
    const good: RateInput[] = [];
    const errors: RateImportResult["errors"] = [];
    body.forEach((record, i) => {
      const row = i + 2;
      try {
        good.push(this.checked({ date: record[at("date")] ?? "", from: record[at("from")] ?? "", to: record[at("to")] ?? "", rate: record[at("rate")] ?? "" }, "content"));
      } catch (error) {
        errors.push({ row, message: (error as Error).message });
      }
    });
    if (good.length > 0) await this.dataSource.transaction((manager) => this.upsert(manager, userId, good, traceId));
    return { saved: good.length, errors };
  }

  /**
   * Rates for many (date, from, to) keys in one statement: the day's rate as stored, or the
   * stored reverse rate (used by division). A day without either is missing: never a neighbour's.
   */
  async lookup(userId: string, keys: ReadonlyArray<{ date: string; from: string; to: string }>, manager: EntityManager = this.dataSource.manager): Promise<Map<string, DayRate>> {
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
    const found = new Map<string, DayRate>();
    for (const r of rows) found.set(rateKey(r.date, r.from_currency, r.to_currency), { rate: numericText(r.rate), inverse: false });
    // A rate stored the asked way round wins over dividing by the reverse one.
    for (const r of rows) {
      const reverse = rateKey(r.date, r.to_currency, r.from_currency);
      if (!found.has(reverse)) found.set(reverse, { rate: numericText(r.rate), inverse: true });
    }
    return found;
  }

  /** The newest rate on or before `date` per currency pair, for figures "as of" a day (net worth). */
  async latestOnOrBefore(userId: string, date: string, pairs: ReadonlyArray<{ from: string; to: string }>): Promise<Map<string, DayRate & { date: string }>> {
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

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM ledger.exchange_rates WHERE user_id = $1`, [userId]);
  }

  private checked(r: RateInput, field: string): RateInput {
    const from = normalizeCurrency(r.from);
    const to = normalizeCurrency(r.to);
    if (from === to) throw badInput("a rate converts between two different currencies", { field });
    return { date: calendarDate(r.date, `${field}.date`), from, to, rate: rateText(r.rate, `${field}.rate`) };
  }

  private async upsert(manager: EntityManager, userId: string, rows: RateInput[], traceId: string): Promise<void> {
    const now = this.clock.now();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await manager.query(
        `INSERT INTO ledger.exchange_rates (user_id, date, from_currency, to_currency, rate, updated_at)
         SELECT $1, k.date, k.a, k.b, k.rate, $6 FROM unnest($2::date[], $3::text[], $4::text[], $5::numeric[]) AS k(date, a, b, rate)
         ON CONFLICT (user_id, from_currency, to_currency, date) DO UPDATE SET rate = EXCLUDED.rate, updated_at = EXCLUDED.updated_at`,
        [userId, chunk.map((r) => r.date), chunk.map((r) => r.from), chunk.map((r) => r.to), chunk.map((r) => r.rate), now],
      );
    }
    await this.repricing?.afterRatesSet(manager, userId, rows, traceId);
  }
}

export const rateKey = (date: string, from: string, to: string) => `${date}|${from}|${to}`;
