import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Budgets' own read model of each user's ledger accounts (from `ledger.account.v1`), so goals and
 * auto-save rules can refuse an account id that is not one of the caller's. `as_of` is the
 * occurredAt of the snapshot kept: an older one never overwrites a newer one.
 */
export class LedgerAccounts1764547200340 implements MigrationInterface {
  name = "LedgerAccounts1764547200340";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets.accounts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        currency char(3) NOT NULL,
        archived boolean NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX accounts_user ON budgets.accounts (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budgets.accounts`);
  }
}
