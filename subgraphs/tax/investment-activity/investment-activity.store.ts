import type { DataSource, EntityManager } from "typeorm";

import type { InvestmentTransactionSnapshotV1, RealizedLotV1 } from "../../../schema/events/investments.js";

/** A sale as tax keeps it: which position it sold from, and in what currency its lots are. */
export interface Sale {
  transactionId: string;
  userId: string;
  portfolioId: string;
  securityId: string | null;
  symbol: string | null;
  currency: string;
}

/** The investment side of a year, in the table's currency; `unconverted` counts rows in another currency. */
export interface InvestmentYearSums {
  interestMinor: bigint;
  dividendsMinor: bigint;
  shortTermGainMinor: bigint;
  longTermGainMinor: bigint;
  unconverted: number;
}

export interface IncomeRow {
  transactionId: string;
  type: "DIVIDEND" | "INTEREST";
  symbol: string | null;
  date: string;
  amountMinor: bigint;
  currency: string;
}

export interface LotRow extends RealizedLotV1 {
  saleId: string;
  symbol: string | null;
  currency: string;
}

const INCOME_TYPES = new Set(["DIVIDEND", "INTEREST"]);

/**
 * Investment income (dividends, interest) and the lots each sale realized, as investments last
 * stated them. Investments replays lots, so a backdated entry restates later sales: every write
 * here is "replace what this event describes", and returns the dates it touched so the years
 * they are in get a new estimate.
 */
export class InvestmentActivityStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The transaction's income row as it now stands (none unless it is a dividend or interest with an amount). */
  async replaceIncome(
    manager: EntityManager,
    userId: string,
    transactionId: string,
    now: InvestmentTransactionSnapshotV1 | null,
  ): Promise<string[]> {
    const before = await this.dates(
      manager,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM tax.investment_income WHERE transaction_id = $1 AND user_id = $2`,
      [transactionId, userId],
    );
    if (before.length > 0)
      await manager.query(`DELETE FROM tax.investment_income WHERE transaction_id = $1 AND user_id = $2`, [transactionId, userId]);
    if (now && INCOME_TYPES.has(now.type) && now.amountMinor !== null) {
      await manager.query(
        `INSERT INTO tax.investment_income (transaction_id, user_id, portfolio_id, type, symbol, date, amount_minor, currency)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [transactionId, userId, now.portfolioId, now.type, now.symbol, now.date, now.amountMinor, now.currency],
      );
      return [...before, now.date];
    }
    return before;
  }

  /** The lots a sale closes as it now stands (none: it is no sale any more, or was deleted). */
  async replaceSale(manager: EntityManager, sale: Sale, lots: readonly RealizedLotV1[]): Promise<string[]> {
    const before = await this.dates(
      manager,
      `SELECT DISTINCT to_char(sold_on, 'YYYY-MM-DD') AS date FROM tax.realized_lots WHERE sale_id = $1 AND user_id = $2`,
      [sale.transactionId, sale.userId],
    );
    if (before.length > 0)
      await manager.query(`DELETE FROM tax.realized_lots WHERE sale_id = $1 AND user_id = $2`, [sale.transactionId, sale.userId]);
    await this.insertLots(manager, sale, lots);
    return [...before, ...lots.map((l) => l.soldOn)];
  }

  /** Every sale of a security from `from` on, restated: what was kept from that day on is replaced. */
  async restate(
    manager: EntityManager,
    position: Omit<Sale, "transactionId">,
    from: string,
    sales: ReadonlyArray<{ transactionId: string; realizedLots: RealizedLotV1[] }>,
  ): Promise<string[]> {
    const where = `user_id = $1 AND portfolio_id = $2 AND security_id IS NOT DISTINCT FROM $3 AND sold_on >= $4`;
    const params = [position.userId, position.portfolioId, position.securityId, from];
    const before = await this.dates(
      manager,
      `SELECT DISTINCT to_char(sold_on, 'YYYY-MM-DD') AS date FROM tax.realized_lots WHERE ${where}`,
      params,
    );
    // The restatement names the security by id only; its symbol is the one the sales were kept with.
    const [known]: Array<{ symbol: string | null }> = await manager.query(
      `SELECT symbol FROM tax.realized_lots WHERE user_id = $1 AND portfolio_id = $2 AND security_id IS NOT DISTINCT FROM $3 LIMIT 1`,
      params.slice(0, 3),
    );
    const symbol = position.symbol ?? known?.symbol ?? null;
    await manager.query(`DELETE FROM tax.realized_lots WHERE ${where}`, params);
    const touched = [...before];
    for (const sale of sales) {
      // A restated sale may have been kept under an earlier date: replace it whole.
      touched.push(...(await this.replaceSale(manager, { ...position, symbol, transactionId: sale.transactionId }, sale.realizedLots)));
    }
    return touched;
  }

  async yearSums(
    userId: string,
    year: number,
    currency: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvestmentYearSums> {
    const [income]: Array<{ interest: string; dividends: string; unconverted: number }> = await manager.query(
      `SELECT coalesce(sum(amount_minor) FILTER (WHERE type = 'INTEREST' AND currency = $3), 0)::text AS interest,
              coalesce(sum(amount_minor) FILTER (WHERE type = 'DIVIDEND' AND currency = $3), 0)::text AS dividends,
              count(*) FILTER (WHERE currency <> $3)::int AS unconverted
       FROM tax.investment_income WHERE user_id = $1 AND date >= make_date($2, 1, 1) AND date < make_date($2 + 1, 1, 1)`,
      [userId, year, currency],
    );
    const [lots]: Array<{ short: string; long: string; unconverted: number }> = await manager.query(
      `SELECT coalesce(sum(gain_minor) FILTER (WHERE term = 'SHORT' AND currency = $3), 0)::text AS short,
              coalesce(sum(gain_minor) FILTER (WHERE term = 'LONG' AND currency = $3), 0)::text AS long,
              count(*) FILTER (WHERE currency <> $3)::int AS unconverted
       FROM tax.realized_lots WHERE user_id = $1 AND sold_on >= make_date($2, 1, 1) AND sold_on < make_date($2 + 1, 1, 1)`,
      [userId, year, currency],
    );
    return {
      interestMinor: BigInt(income!.interest),
      dividendsMinor: BigInt(income!.dividends),
      shortTermGainMinor: BigInt(lots!.short),
      longTermGainMinor: BigInt(lots!.long),
      unconverted: income!.unconverted + lots!.unconverted,
    };
  }

  /** The year's dividends and interest, oldest first, for the report. */
  async yearIncome(userId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<IncomeRow[]> {
    const rows: Array<{
      transaction_id: string;
      type: "DIVIDEND" | "INTEREST";
      symbol: string | null;
      date: string;
      amount: string;
      currency: string;
    }> = await manager.query(
      `SELECT transaction_id, type, symbol, to_char(date, 'YYYY-MM-DD') AS date, amount_minor::text AS amount, currency
         FROM tax.investment_income WHERE user_id = $1 AND date >= make_date($2, 1, 1) AND date < make_date($2 + 1, 1, 1)
         ORDER BY date, transaction_id`,
      [userId, year],
    );
    return rows.map((r) => ({
      transactionId: r.transaction_id,
      type: r.type,
      symbol: r.symbol,
      date: r.date,
      amountMinor: BigInt(r.amount),
      currency: r.currency.trim(),
    }));
  }

  /** The lots sold in the year, by sale day, for the report. */
  async yearLots(userId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<LotRow[]> {
    const rows: Array<Record<string, string>> = await manager.query(
      `SELECT sale_id, symbol, opened_by, to_char(acquired_on, 'YYYY-MM-DD') AS acquired_on, to_char(sold_on, 'YYYY-MM-DD') AS sold_on,
              quantity, cost_minor::text AS cost, proceeds_minor::text AS proceeds, gain_minor::text AS gain, term, currency
       FROM tax.realized_lots WHERE user_id = $1 AND sold_on >= make_date($2, 1, 1) AND sold_on < make_date($2 + 1, 1, 1)
       ORDER BY sold_on, sale_id, seq`,
      [userId, year],
    );
    return rows.map((r) => ({
      saleId: r.sale_id!,
      symbol: r.symbol ?? null,
      openedBy: r.opened_by!,
      acquiredOn: r.acquired_on!,
      soldOn: r.sold_on!,
      quantity: r.quantity!,
      costMinor: r.cost!,
      proceedsMinor: r.proceeds!,
      gainMinor: r.gain!,
      term: r.term as "SHORT" | "LONG",
      currency: r.currency!.trim(),
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.realized_lots WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM tax.investment_income WHERE user_id = $1`, [userId]);
  }

  private async insertLots(manager: EntityManager, sale: Sale, lots: readonly RealizedLotV1[]): Promise<void> {
    if (lots.length === 0) return;
    await manager.query(
      `INSERT INTO tax.realized_lots (sale_id, seq, user_id, portfolio_id, security_id, symbol, opened_by, acquired_on, sold_on,
                                      quantity, cost_minor, proceeds_minor, gain_minor, term, currency)
       SELECT $1, s.seq, $2, $3, $4, $5, s.opened_by, s.acquired_on, s.sold_on, s.quantity, s.cost, s.proceeds, s.gain, s.term, $6
       FROM unnest($7::int[], $8::uuid[], $9::date[], $10::date[], $11::text[], $12::bigint[], $13::bigint[], $14::bigint[], $15::text[])
         AS s(seq, opened_by, acquired_on, sold_on, quantity, cost, proceeds, gain, term)`,
      [
        sale.transactionId,
        sale.userId,
        sale.portfolioId,
        sale.securityId,
        sale.symbol,
        sale.currency,
        lots.map((_, i) => i),
        lots.map((l) => l.openedBy),
        lots.map((l) => l.acquiredOn),
        lots.map((l) => l.soldOn),
        lots.map((l) => l.quantity),
        lots.map((l) => l.costMinor),
        lots.map((l) => l.proceedsMinor),
        lots.map((l) => l.gainMinor),
        lots.map((l) => l.term),
      ],
    );
  }

  private async dates(manager: EntityManager, sql: string, params: unknown[]): Promise<string[]> {
    const rows: Array<{ date: string }> = await manager.query(sql, params);
    return rows.map((r) => r.date);
  }
}
