import { parse } from "csv-parse/sync";
import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { calendarDate } from "../transactions/calendar-date.js";
import { rateText } from "./conversion.js";
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

/** Writes a user's rates; reads go through ExchangeRateQueries. */
export class ExchangeRateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    /** Set rates re-announce the transactions they price, so budgets re-price them. */
    private readonly repricing: Repricing,
  ) {}

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
    if (["date", "from", "to", "rate"].some((c) => at(c) < 0))
      throw badInput("the header must name the columns date, from, to and rate", { field: "content" });
    if (body.length > MAX_RATES_PER_CALL) throw badInput(`at most ${MAX_RATES_PER_CALL} rates per file`, { field: "content" });
    const good: RateInput[] = [];
    const errors: RateImportResult["errors"] = [];
    body.forEach((record, i) => {
      const row = i + 2;
      try {
        good.push(
          this.checked(
            { date: record[at("date")] ?? "", from: record[at("from")] ?? "", to: record[at("to")] ?? "", rate: record[at("rate")] ?? "" },
            "content",
          ),
        );
      } catch (error) {
        errors.push({ row, message: (error as Error).message });
      }
    });
    if (good.length > 0) await this.dataSource.transaction((manager) => this.upsert(manager, userId, good, traceId));
    return { saved: good.length, errors };
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
    await this.repricing.afterRatesSet(manager, userId, rows, traceId);
  }
}
