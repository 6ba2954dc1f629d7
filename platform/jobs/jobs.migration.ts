import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The background-job table, the same in every subgraph schema (see job-runner.ts). Times are
 * written from the injected clock, never `now()`, so tests can move a lease or a retry forward.
 */
export class PlatformJobs1763769600002 implements MigrationInterface {
  name = "PlatformJobs1763769600002";

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = (queryRunner.connection.options as { schema?: string }).schema;
    await queryRunner.query(`
      CREATE TABLE "${s}".jobs (
        id uuid PRIMARY KEY,
        user_id text,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
        payload jsonb NOT NULL,
        cursor jsonb,
        progress jsonb,
        attempts integer NOT NULL DEFAULT 0,
        run_after timestamptz NOT NULL,
        locked_by text,
        locked_until timestamptz,
        error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX jobs_due ON "${s}".jobs (run_after) WHERE status IN ('QUEUED', 'RUNNING')`);
    await queryRunner.query(`CREATE INDEX jobs_user ON "${s}".jobs (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = (queryRunner.connection.options as { schema?: string }).schema;
    await queryRunner.query(`DROP TABLE "${s}".jobs`);
  }
}
