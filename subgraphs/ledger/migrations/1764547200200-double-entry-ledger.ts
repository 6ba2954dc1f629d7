import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The double-entry ledger: accounts, categories, transactions made of postings that sum to zero
 * per currency, idempotency keys, and the read model of each user's base currency. The first
 * slice's single-row transactions are carried over: each user gets one cash account per currency
 * they used, and each old row becomes an uncategorised income or expense on it.
 */
export class DoubleEntryLedger1764547200200 implements MigrationInterface {
  name = "DoubleEntryLedger1764547200200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger.transactions RENAME TO transactions_v0`);
    await q.query(`ALTER INDEX ledger.transactions_user_date RENAME TO transactions_v0_user_date`);

    await q.query(`
      CREATE TABLE ledger.user_settings (
        user_id uuid PRIMARY KEY,
        base_currency char(3) NOT NULL,
        updated_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE ledger.accounts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('CHECKING', 'SAVINGS', 'CREDIT_CARD', 'CASH', 'LOAN', 'INVESTMENT_CASH')),
        currency char(3) NOT NULL,
        opening_balance_minor bigint NOT NULL,
        opening_date date NOT NULL,
        archived_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (id, user_id)
      )`);
    await q.query(`CREATE INDEX accounts_user ON ledger.accounts (user_id, created_at)`);

    await q.query(`
      CREATE TABLE ledger.categories (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        parent_id uuid,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCOME', 'EXPENSE')),
        icon text,
        color text,
        created_at timestamptz NOT NULL,
        UNIQUE (id, user_id),
        FOREIGN KEY (parent_id, user_id) REFERENCES ledger.categories (id, user_id)
      )`);
    // Sibling names are unique per user, case-insensitively; top-level categories share one parent.
    await q.query(
      `CREATE UNIQUE INDEX categories_sibling_name ON ledger.categories (user_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name))`,
    );

    await q.query(`
      CREATE TABLE ledger.transactions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('INCOME', 'EXPENSE', 'TRANSFER')),
        account_id uuid NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        currency char(3) NOT NULL,
        counter_account_id uuid,
        counter_amount_minor bigint,
        counter_currency char(3),
        date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2100-12-31'),
        payee text NOT NULL,
        payee_key text NOT NULL,
        notes text NOT NULL,
        tags text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'CLEARED', 'RECONCILED')),
        locked boolean NOT NULL,
        applied_rule_ids uuid[] NOT NULL,
        schedule_id uuid,
        occurrence_date date,
        import_batch_id uuid,
        bank_transaction_id text,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', payee || ' ' || notes)) STORED,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (account_id, user_id) REFERENCES ledger.accounts (id, user_id),
        FOREIGN KEY (counter_account_id, user_id) REFERENCES ledger.accounts (id, user_id),
        CHECK ((kind = 'TRANSFER') = (counter_account_id IS NOT NULL)),
        -- A schedule posts each occurrence once, whichever instance's job gets there first.
        UNIQUE (schedule_id, occurrence_date)
      )`);
    await q.query(`CREATE INDEX transactions_user_date ON ledger.transactions (user_id, date DESC, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX transactions_account ON ledger.transactions (account_id, date)`);
    await q.query(
      `CREATE INDEX transactions_counter_account ON ledger.transactions (counter_account_id, date) WHERE counter_account_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX transactions_search ON ledger.transactions USING gin (search)`);
    await q.query(`CREATE INDEX transactions_tags ON ledger.transactions USING gin (tags)`);
    // Duplicate detection on import: the bank's id where it gives one, else date ± 2 days, amount and payee.
    await q.query(
      `CREATE UNIQUE INDEX transactions_bank_id ON ledger.transactions (account_id, bank_transaction_id) WHERE bank_transaction_id IS NOT NULL AND deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX transactions_fingerprint ON ledger.transactions (account_id, amount_minor, payee_key, date)`);

    // Each transaction's double entry. Account postings move a balance; category postings are the
    // income or expense side (category null = uncategorised); trading postings balance a transfer
    // across currencies. Per transaction and currency they sum to zero.
    await q.query(`
      CREATE TABLE ledger.postings (
        id uuid PRIMARY KEY,
        transaction_id uuid NOT NULL REFERENCES ledger.transactions (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('ACCOUNT', 'CATEGORY', 'TRADING')),
        account_id uuid,
        category_id uuid,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        memo text NOT NULL,
        position smallint NOT NULL,
        FOREIGN KEY (account_id, user_id) REFERENCES ledger.accounts (id, user_id),
        FOREIGN KEY (category_id, user_id) REFERENCES ledger.categories (id, user_id),
        CHECK ((role = 'ACCOUNT') = (account_id IS NOT NULL)),
        CHECK (role = 'CATEGORY' OR category_id IS NULL)
      )`);
    await q.query(`CREATE INDEX postings_transaction ON ledger.postings (transaction_id, position)`);
    await q.query(`CREATE INDEX postings_account ON ledger.postings (account_id) WHERE account_id IS NOT NULL`);
    await q.query(`CREATE INDEX postings_category ON ledger.postings (category_id) WHERE category_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE ledger.idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        resource_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created ON ledger.idempotency_keys (created_at)`);

    await q.query(`
      CREATE TABLE ledger.exchange_rates (
        user_id uuid NOT NULL,
        date date NOT NULL,
        from_currency char(3) NOT NULL,
        to_currency char(3) NOT NULL,
        rate numeric NOT NULL CHECK (rate > 0),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, from_currency, to_currency, date)
      )`);

    await this.carryOverFirstSlice(q);
    await q.query(`DROP TABLE ledger.transactions_v0`);
  }

  private async carryOverFirstSlice(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO ledger.accounts (id, user_id, name, type, currency, opening_balance_minor, opening_date, created_at)
      SELECT gen_random_uuid(), user_id, 'Cash ' || currency, 'CASH', currency, 0, min(date), min(created_at)
      FROM ledger.transactions_v0 GROUP BY user_id, currency`);
    await q.query(`
      INSERT INTO ledger.transactions (id, user_id, kind, account_id, amount_minor, currency, date, payee, payee_key, notes, tags,
                                       status, locked, applied_rule_ids, created_at, updated_at)
      SELECT t.id, t.user_id, CASE WHEN t.amount_minor < 0 THEN 'EXPENSE' ELSE 'INCOME' END, a.id, t.amount_minor, t.currency,
             t.date, t.description, lower(t.description), '', '{}', 'CLEARED', false, '{}', t.created_at, t.created_at
      FROM ledger.transactions_v0 t JOIN ledger.accounts a ON a.user_id = t.user_id AND a.currency = t.currency`);
    await q.query(`
      INSERT INTO ledger.postings (id, transaction_id, user_id, role, account_id, category_id, amount_minor, currency, memo, position)
      SELECT gen_random_uuid(), id, user_id, 'ACCOUNT', account_id, NULL::uuid, amount_minor, currency, '', 0 FROM ledger.transactions
      UNION ALL
      SELECT gen_random_uuid(), id, user_id, 'CATEGORY', NULL::uuid, NULL::uuid, -amount_minor, currency, '', 1 FROM ledger.transactions`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["exchange_rates", "idempotency_keys", "postings", "transactions", "categories", "accounts", "user_settings"]) {
      await q.query(`DROP TABLE ledger.${table}`);
    }
    await q.query(`
      CREATE TABLE ledger.transactions (
        id uuid PRIMARY KEY, user_id uuid NOT NULL, amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        currency char(3) NOT NULL, description text NOT NULL, date date NOT NULL, created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX transactions_user_date ON ledger.transactions (user_id, date DESC, created_at DESC)`);
  }
}
