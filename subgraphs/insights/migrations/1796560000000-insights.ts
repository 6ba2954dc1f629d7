import type { MigrationInterface, QueryRunner } from "typeorm";

import { ledgerCategoriesTableSql } from "../../../platform/read-models/index.js";

/**
 * Insights' read models of the user's own data, fed by events and rebuildable from them (each row
 * carries its owner's user id): the ledger's categories, accounts, schedules and transactions (one row per
 * transaction for balances, payees and patterns, one per split line for category analytics),
 * loans from lending, budgets' exceeded periods. Then what insights learns and finds: the
 * categorizer's counts, suggestions made, anomalies, cash-flow warnings announced and dismissed
 * recommendations.
 */
export class Insights1796560000000 implements MigrationInterface {
  name = "Insights1796560000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.user_settings (
        user_id uuid PRIMARY KEY,
        base_currency char(3) NOT NULL,
        timezone text NOT NULL,
        first_day_of_week smallint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    for (const statement of ledgerCategoriesTableSql("insights")) await q.query(statement);
    await q.query(`
      CREATE TABLE insights.accounts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        currency char(3) NOT NULL,
        opening_balance_minor bigint NOT NULL,
        opening_date date NOT NULL,
        archived boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX accounts_user ON insights.accounts (user_id)`);
    await q.query(`
      CREATE TABLE insights.transactions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCOME', 'EXPENSE', 'TRANSFER')),
        account_id uuid NOT NULL,
        date date NOT NULL,
        payee text NOT NULL,
        -- The payee normalized (processor prefixes, store numbers and places stripped): what
        -- payee analytics, recurring series and anomalies group by.
        merchant_key text NOT NULL,
        notes text NOT NULL,
        -- Null for a split or an uncategorised transaction.
        category_id uuid,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        base_amount_minor bigint,
        counter_account_id uuid,
        counter_amount_minor bigint
      )`);
    // Covering what net worth sums (each posting's account and amount, both sides of a transfer), so
    // years of daily postings come from the index alone instead of a heap page per transaction.
    await q.query(
      `CREATE INDEX transactions_user_date ON insights.transactions (user_id, date)
       INCLUDE (account_id, amount_minor, counter_account_id, counter_amount_minor)`,
    );
    await q.query(`CREATE INDEX transactions_user_merchant ON insights.transactions (user_id, merchant_key, date)`);
    await q.query(`
      CREATE TABLE insights.lines (
        transaction_id uuid NOT NULL,
        line integer NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCOME', 'EXPENSE')),
        date date NOT NULL,
        category_id uuid,
        merchant_key text NOT NULL,
        -- In the user's base currency, signed like the transaction; null when the ledger had no rate.
        base_amount_minor bigint,
        PRIMARY KEY (transaction_id, line)
      )`);
    // Covering the analytics sums (a category's transactions are counted by transaction id): index-only scans.
    await q.query(
      `CREATE INDEX lines_user_date ON insights.lines (user_id, date) INCLUDE (category_id, kind, base_amount_minor, transaction_id)`,
    );
    await q.query(`
      CREATE TABLE insights.schedules (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        account_id uuid NOT NULL,
        category_id uuid,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        payee text NOT NULL,
        frequency text NOT NULL,
        interval integer NOT NULL,
        day_of_month smallint,
        start_date date NOT NULL,
        end_date date
      )`);
    await q.query(`CREATE INDEX schedules_user ON insights.schedules (user_id)`);
    await q.query(`
      CREATE TABLE insights.loans (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('BORROWED', 'LENT')),
        currency char(3) NOT NULL,
        status text NOT NULL,
        -- Exact decimal string ("6.5"); null from events written before lending sent it.
        annual_rate_percent text
      )`);
    await q.query(`
      CREATE TABLE insights.loan_balances (
        loan_id uuid NOT NULL,
        user_id uuid NOT NULL,
        date date NOT NULL,
        outstanding_minor bigint NOT NULL,
        PRIMARY KEY (loan_id, date)
      )`);
    await q.query(`CREATE INDEX loan_balances_user ON insights.loan_balances (user_id, date)`);
    await q.query(`
      CREATE TABLE insights.budget_overruns (
        user_id uuid NOT NULL,
        budget_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        spent_minor bigint NOT NULL,
        available_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        PRIMARY KEY (budget_id, period_start)
      )`);
    await q.query(`CREATE INDEX budget_overruns_user ON insights.budget_overruns (user_id)`);
    // The categorizer: each transaction's training example (so an edit can untrain it exactly),
    // and the per-user counts naive Bayes reads.
    await q.query(`
      CREATE TABLE insights.categorizer_examples (
        transaction_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        category_id uuid NOT NULL,
        tokens text[] NOT NULL,
        weight integer NOT NULL
      )`);
    await q.query(`CREATE INDEX categorizer_examples_user ON insights.categorizer_examples (user_id)`);
    await q.query(`
      CREATE TABLE insights.categorizer_categories (
        user_id uuid NOT NULL,
        category_id uuid NOT NULL,
        -- Weighted examples, and weighted feature occurrences, of the category.
        documents bigint NOT NULL,
        tokens bigint NOT NULL,
        PRIMARY KEY (user_id, category_id)
      )`);
    await q.query(`
      CREATE TABLE insights.categorizer_counts (
        user_id uuid NOT NULL,
        category_id uuid NOT NULL,
        token text NOT NULL,
        count bigint NOT NULL,
        PRIMARY KEY (user_id, category_id, token)
      )`);
    await q.query(`
      CREATE TABLE insights.suggestions (
        transaction_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        category_id uuid NOT NULL,
        confidence text NOT NULL,
        suggested_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE insights.anomalies (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        -- What was found, stable across rescans: the same thing is never announced twice.
        key text NOT NULL,
        kind text NOT NULL,
        explanation text NOT NULL,
        transaction_ids uuid[] NOT NULL,
        -- The day of the transaction that raised it.
        date date NOT NULL,
        detected_at timestamptz NOT NULL,
        dismissed_at timestamptz,
        UNIQUE (user_id, key)
      )`);
    // Users whose history changed since their last anomaly scan (the scan job clears the mark).
    await q.query(`
      CREATE TABLE insights.anomaly_scans (
        user_id uuid PRIMARY KEY,
        dirty boolean NOT NULL,
        scanned_at timestamptz
      )`);
    // The cash-flow warnings announced: one per account and first day below zero.
    await q.query(`
      CREATE TABLE insights.forecast_warnings (
        account_id uuid NOT NULL,
        first_date date NOT NULL,
        user_id uuid NOT NULL,
        lowest_balance_minor bigint NOT NULL,
        lowest_date date NOT NULL,
        announced_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, first_date)
      )`);
    await q.query(`CREATE INDEX forecast_warnings_user ON insights.forecast_warnings (user_id)`);
    await q.query(`
      CREATE TABLE insights.dismissed_recommendations (
        user_id uuid NOT NULL,
        key text NOT NULL,
        dismissed_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "dismissed_recommendations",
      "anomaly_scans",
      "forecast_warnings",
      "anomalies",
      "suggestions",
      "categorizer_counts",
      "categorizer_categories",
      "categorizer_examples",
      "budget_overruns",
      "loan_balances",
      "loans",
      "schedules",
      "lines",
      "transactions",
      "accounts",
      "categories",
      "user_settings",
    ]) {
      await q.query(`DROP TABLE insights.${table}`);
    }
  }
}
