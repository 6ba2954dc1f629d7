import type { MigrationInterface, QueryRunner } from "typeorm";

import { ledgerAccountsTableSql } from "../../../platform/read-models/index.js";

/**
 * Portfolios and their activity (trades, income, fees, splits, cash movements), CSV imports'
 * outcomes, the users' preferences as identity publishes them, and the read model of their ledger accounts (for a
 * portfolio's linked cash account). Lots, positions, cash and returns are never stored: they are
 * replayed from the activity, so an edit or a deletion anywhere in the past changes every figure
 * after it with nothing to rewrite.
 */
export class Investments1796540000000 implements MigrationInterface {
  name = "Investments1796540000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE investments.portfolios (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        currency char(3) NOT NULL,
        cost_basis_method text NOT NULL CHECK (cost_basis_method IN ('FIFO', 'AVERAGE_COST')),
        -- One of the user's ledger accounts holding the portfolio's cash (checked against investments.accounts).
        ledger_account_id uuid,
        -- The next activity's place in the portfolio's order of entry (same-day activities replay in it).
        next_sequence bigint NOT NULL DEFAULT 1,
        -- Raised by every write to the activity: a replay cached under (id, version) is current.
        version bigint NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX portfolios_user ON investments.portfolios (user_id, created_at)`);
    await q.query(`
      CREATE TABLE investments.transactions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        portfolio_id uuid NOT NULL REFERENCES investments.portfolios (id) ON DELETE CASCADE,
        sequence bigint NOT NULL,
        type text NOT NULL CHECK (type IN ('BUY', 'SELL', 'DIVIDEND', 'INTEREST', 'FEE', 'SPLIT', 'DEPOSIT', 'WITHDRAWAL')),
        -- investments.securities (id): no foreign key, market data's tables are made by a later migration.
        security_id uuid,
        date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2100-12-31'),
        -- Of price, fee and amount (the security's currency for trades).
        currency char(3) NOT NULL,
        -- Exact decimals, written as the client gave them (normalised): never floats.
        quantity numeric CHECK (quantity > 0),
        price_minor bigint CHECK (price_minor > 0),
        fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
        amount_minor bigint CHECK (amount_minor > 0),
        split_ratio numeric CHECK (split_ratio > 0),
        note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (portfolio_id, sequence),
        CHECK ((type IN ('BUY', 'SELL')) = (quantity IS NOT NULL AND price_minor IS NOT NULL)),
        CHECK ((type = 'SPLIT') = (split_ratio IS NOT NULL)),
        CHECK ((type IN ('DIVIDEND', 'INTEREST', 'FEE', 'DEPOSIT', 'WITHDRAWAL')) = (amount_minor IS NOT NULL)),
        CHECK (security_id IS NOT NULL OR type NOT IN ('BUY', 'SELL', 'SPLIT', 'DIVIDEND'))
      )`);
    // A portfolio's whole activity in replay order, in one index range.
    await q.query(`CREATE INDEX transactions_portfolio ON investments.transactions (portfolio_id, date, sequence)`);
    // Which portfolios a price change touches.
    await q.query(
      `CREATE INDEX transactions_security ON investments.transactions (security_id, portfolio_id) WHERE security_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX transactions_user ON investments.transactions (user_id)`);
    // Each CSV import's outcome, so a replayed idempotency key answers what the first import did.
    await q.query(`
      CREATE TABLE investments.imports (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        portfolio_id uuid NOT NULL REFERENCES investments.portfolios (id) ON DELETE CASCADE,
        imported integer NOT NULL,
        failed integer NOT NULL,
        errors jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX imports_user ON investments.imports (user_id)`);
    await q.query(`
      CREATE TABLE investments.user_settings (
        user_id uuid PRIMARY KEY,
        base_currency char(3) NOT NULL,
        timezone text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    for (const statement of ledgerAccountsTableSql("investments")) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["accounts", "user_settings", "imports", "transactions", "portfolios"])
      await q.query(`DROP TABLE investments.${table}`);
  }
}
