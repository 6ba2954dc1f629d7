import type { MigrationInterface, QueryRunner } from "typeorm";

import { ledgerCategoriesTableSql } from "../../../platform/read-models/index.js";

/**
 * Tax's read models of the user's own data, fed by events (each row carries its owner's user id):
 * the ledger's category tree and transaction lines, investment income and the lots each sale
 * realized. Then what is tax's own: a profile per user and year with its category treatments, and
 * the last estimate announced per user and year (`dirty` until the estimate job recomputes it).
 */
export class Tax1796550000000 implements MigrationInterface {
  name = "Tax1796550000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tax.user_settings (
        user_id uuid PRIMARY KEY,
        base_currency char(3) NOT NULL,
        timezone text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    for (const statement of ledgerCategoriesTableSql("tax")) await q.query(statement);
    await q.query(`
      CREATE TABLE tax.ledger_lines (
        transaction_id uuid NOT NULL,
        line integer NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCOME', 'EXPENSE')),
        date date NOT NULL,
        payee text NOT NULL,
        category_id uuid,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        base_amount_minor bigint,
        base_currency char(3),
        PRIMARY KEY (transaction_id, line)
      )`);
    await q.query(`CREATE INDEX ledger_lines_user_date ON tax.ledger_lines (user_id, date)`);
    await q.query(`
      CREATE TABLE tax.investment_income (
        transaction_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        portfolio_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('DIVIDEND', 'INTEREST')),
        symbol text,
        date date NOT NULL,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL
      )`);
    await q.query(`CREATE INDEX investment_income_user_date ON tax.investment_income (user_id, date)`);
    await q.query(`
      CREATE TABLE tax.realized_lots (
        sale_id uuid NOT NULL,
        seq integer NOT NULL,
        user_id uuid NOT NULL,
        portfolio_id uuid NOT NULL,
        security_id uuid,
        symbol text,
        opened_by uuid NOT NULL,
        acquired_on date NOT NULL,
        sold_on date NOT NULL,
        -- Exact decimal string, as investments wrote it.
        quantity text NOT NULL,
        cost_minor bigint NOT NULL,
        proceeds_minor bigint NOT NULL,
        gain_minor bigint NOT NULL,
        term text NOT NULL CHECK (term IN ('SHORT', 'LONG')),
        currency char(3) NOT NULL,
        PRIMARY KEY (sale_id, seq)
      )`);
    await q.query(`CREATE INDEX realized_lots_user_sold ON tax.realized_lots (user_id, sold_on)`);
    await q.query(`CREATE INDEX realized_lots_security ON tax.realized_lots (user_id, portfolio_id, security_id, sold_on)`);
    await q.query(`
      CREATE TABLE tax.profiles (
        user_id uuid NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        jurisdiction text NOT NULL,
        filing_status text NOT NULL,
        dependants integer NOT NULL CHECK (dependants BETWEEN 0 AND 20),
        dividends_qualified boolean NOT NULL,
        other_withholding_minor bigint NOT NULL CHECK (other_withholding_minor >= 0),
        -- Null: the newest revision of the year's table applies.
        revision text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, year)
      )`);
    await q.query(`
      CREATE TABLE tax.category_treatments (
        user_id uuid NOT NULL,
        year integer NOT NULL,
        category_id uuid NOT NULL,
        treatment text NOT NULL CHECK (treatment IN
          ('TAXABLE_INCOME', 'ADJUSTMENT', 'DEDUCTION', 'STATE_AND_LOCAL_TAX', 'MEDICAL', 'TAX_PAYMENT', 'NONE')),
        PRIMARY KEY (user_id, year, category_id)
      )`);
    await q.query(`
      CREATE TABLE tax.estimates (
        user_id uuid NOT NULL,
        year integer NOT NULL,
        dirty boolean NOT NULL,
        revision text,
        currency char(3),
        estimated_tax_minor bigint,
        withheld_minor bigint,
        left_to_pay_minor bigint,
        computed_at timestamptz,
        PRIMARY KEY (user_id, year)
      )`);
    await q.query(`CREATE INDEX estimates_dirty ON tax.estimates (user_id, year) WHERE dirty`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "estimates",
      "category_treatments",
      "profiles",
      "realized_lots",
      "investment_income",
      "ledger_lines",
      "categories",
      "user_settings",
    ]) {
      await q.query(`DROP TABLE tax.${table}`);
    }
  }
}
