import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Re-announces every existing account once (`AccountUpdated`, the account as it now is) so that a
 * consumer that starts reading `ledger.account.v1` today (budgets' account read model) learns the
 * accounts whose `AccountCreated` has left the topic: the in-process bus keeps nothing across
 * restarts and Kafka's retention drops old messages. Snapshots are idempotent for consumers.
 */
export class AnnounceAccounts1764547200250 implements MigrationInterface {
  name = "AnnounceAccounts1764547200250";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO ledger.outbox (id, topic, key, type, envelope, created_at)
      SELECT e.id, 'ledger.account.v1', a.user_id::text, 'AccountUpdated',
             jsonb_build_object(
               'id', e.id, 'type', 'AccountUpdated', 'version', 1, 'source', 'ledger', 'key', a.user_id::text,
               'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'traceId', 'migration-announce-accounts',
               'data', jsonb_build_object(
                 'accountId', a.id, 'userId', a.user_id, 'name', a.name, 'type', a.type, 'currency', a.currency,
                 'openingBalanceMinor', a.opening_balance_minor::text, 'openingDate', to_char(a.opening_date, 'YYYY-MM-DD'),
                 'archived', a.archived_at IS NOT NULL)),
             now()
      FROM (SELECT gen_random_uuid() AS id, a.id AS account_id FROM ledger.accounts a) e JOIN ledger.accounts a ON a.id = e.account_id
      ORDER BY a.user_id, a.created_at, a.id`);
    // Wakes a relay that is already running (a boot's relay starts after migrations and drains anyway).
    await q.query(`SELECT pg_notify('moneta_outbox_ledger', '')`);
  }

  async down(): Promise<void> {
    // Announcements already published cannot be taken back; nothing to undo in the tables.
  }
}
