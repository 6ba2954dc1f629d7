import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What lending's loan snapshots say is still to come, for the cash-flow forecast: the unpaid
 * installments due within lending's horizon, and the ledger account payments went through.
 */
export class LoanInstallments1796560000410 implements MigrationInterface {
  name = "LoanInstallments1796560000410";

  async up(q: QueryRunner): Promise<void> {
    // [{ number, dueDate, amountMinor }] as the latest snapshot listed them; null until a snapshot says.
    await q.query(`ALTER TABLE insights.loans ADD COLUMN upcoming_installments jsonb`);
    await q.query(`ALTER TABLE insights.loans ADD COLUMN payment_account_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE insights.loans DROP COLUMN payment_account_id`);
    await q.query(`ALTER TABLE insights.loans DROP COLUMN upcoming_installments`);
  }
}
