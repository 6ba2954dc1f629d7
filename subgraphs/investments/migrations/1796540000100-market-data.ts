import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Market data: securities, their daily closes, FX rates per day and the provider refresh state.
 * Depends on nothing but the schema: the portfolio tables come from their own migration, which
 * runs first. Rows with a null `user_id` are shared (known to a price feed, seen by every user);
 * rows with one belong to that user alone. `owner` spells the null as the zero uuid so a shared
 * row and a user's row can sit under one primary key.
 */
export class MarketData1796540000100 implements MigrationInterface {
  name = "MarketData1796540000100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE investments.securities (
        id uuid PRIMARY KEY,
        user_id uuid,
        symbol text NOT NULL CHECK (length(symbol) BETWEEN 1 AND 32),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('STOCK', 'ETF', 'FUND', 'BOND', 'CRYPTO', 'CASH', 'OTHER')),
        currency char(3) NOT NULL,
        exchange text,
        -- The feed's name for it ("aapl.us"); only shared securities are refreshed from a feed.
        provider_symbol text CHECK (provider_symbol IS NULL OR user_id IS NULL),
        created_at timestamptz NOT NULL
      )`);
    // One symbol per owner (case-insensitive); a user's own definition may shadow a shared one.
    await q.query(`
      CREATE UNIQUE INDEX securities_symbol ON investments.securities
        ((coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid)), upper(symbol))`);
    await q.query(`
      CREATE TABLE investments.prices (
        security_id uuid NOT NULL REFERENCES investments.securities (id) ON DELETE CASCADE,
        -- null: a feed's price, shared; set: that user's own (typed or imported), seen by them alone.
        user_id uuid,
        owner uuid GENERATED ALWAYS AS (coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED,
        date date NOT NULL,
        close_minor bigint NOT NULL CHECK (close_minor > 0),
        currency char(3) NOT NULL,
        source text NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'PROVIDER')),
        updated_at timestamptz NOT NULL,
        CHECK ((source = 'PROVIDER') = (user_id IS NULL)),
        -- (security_id, date) leads: every "latest on or before" and range read walks this index,
        -- and finds the close in it (index-only): one security's days are scattered over the table.
        PRIMARY KEY (security_id, date, owner) INCLUDE (close_minor, currency, source)
      )`);
    await q.query(`CREATE INDEX prices_user ON investments.prices (user_id) WHERE user_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE investments.fx_rates (
        user_id uuid,
        owner uuid GENERATED ALWAYS AS (coalesce(user_id, '00000000-0000-0000-0000-000000000000'::uuid)) STORED,
        base char(3) NOT NULL,
        quote char(3) NOT NULL CHECK (quote <> base),
        date date NOT NULL,
        -- 1 base = rate quote; numeric keeps the decimal exactly as given.
        rate numeric NOT NULL CHECK (rate > 0),
        source text NOT NULL CHECK (source IN ('MANUAL', 'PROVIDER')),
        updated_at timestamptz NOT NULL,
        CHECK ((source = 'PROVIDER') = (user_id IS NULL)),
        PRIMARY KEY (base, quote, date, owner)
      )`);
    await q.query(`CREATE INDEX fx_rates_user ON investments.fx_rates (user_id) WHERE user_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE investments.price_refreshes (
        security_id uuid PRIMARY KEY REFERENCES investments.securities (id) ON DELETE CASCADE,
        -- The last day (UTC) whose refresh succeeded: once per day per security.
        refreshed_on date,
        -- A run that took it and has not finished; an instance that died loses it when this passes.
        claimed_by text,
        claimed_until timestamptz,
        -- After a failed fetch: not before this.
        retry_after timestamptz,
        failures integer NOT NULL DEFAULT 0,
        last_error text,
        updated_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE investments.price_refreshes`);
    await q.query(`DROP TABLE investments.fx_rates`);
    await q.query(`DROP TABLE investments.prices`);
    await q.query(`DROP TABLE investments.securities`);
  }
}
