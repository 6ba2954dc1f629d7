import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Bank connections (sealed provider credentials, sync status, when the schedule picks each up) and
 * the accounts each reports, linked to ledger accounts. Transactions keep the bank's id in
 * `transactions.bank_transaction_id`, as statement imports do, unique per account.
 */
export class BankSync1796560000000 implements MigrationInterface {
  name = "BankSync1796560000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.bank_connections (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        provider text NOT NULL,
        institution text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'NEEDS_ATTENTION', 'ERROR', 'DISCONNECTED')),
        sealed_credentials text,
        last_synced_at timestamptz,
        last_error text,
        next_sync_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (id, user_id)
      )`);
    await q.query(`CREATE INDEX bank_connections_user ON ledger.bank_connections (user_id, created_at)`);
    await q.query(`CREATE INDEX bank_connections_due ON ledger.bank_connections (next_sync_at) WHERE next_sync_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE ledger.bank_accounts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        connection_id uuid NOT NULL,
        remote_id text NOT NULL,
        name text NOT NULL,
        currency char(3) NOT NULL,
        balance_minor bigint NOT NULL,
        ledger_account_id uuid,
        last_balance_difference_minor bigint,
        updated_at timestamptz NOT NULL,
        UNIQUE (connection_id, remote_id),
        FOREIGN KEY (connection_id, user_id) REFERENCES ledger.bank_connections (id, user_id) ON DELETE CASCADE,
        FOREIGN KEY (ledger_account_id, user_id) REFERENCES ledger.accounts (id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.bank_accounts`);
    await q.query(`DROP TABLE ledger.bank_connections`);
  }
}
