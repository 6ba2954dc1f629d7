import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Re-applying rules over history runs as a background job: each `applyRules` call is a row the
 * client follows (status and counts) while the job works through the matching transactions page by
 * page. `filter` keeps the client's TransactionFilter as sent; the job prepares it again.
 */
export class RuleApplications1796528411663 implements MigrationInterface {
  name = "RuleApplications1796528411663";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.rule_applications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        examined integer NOT NULL DEFAULT 0,
        changed integer NOT NULL DEFAULT 0,
        filter jsonb,
        error text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX rule_applications_user ON ledger.rule_applications (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.rule_applications`);
  }
}
