import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Reports: the user's locale (identity's preferences carry it; reports print money and dates in
 * it), the tax subgraph's yearly estimates as `tax.summary.v1` announces them, report jobs with
 * their files, and monthly schedules. A scheduled report is unique per (schedule, month): a
 * schedule makes exactly one report a month however many passes or instances run.
 */
export class Reports1796560000300 implements MigrationInterface {
  name = "Reports1796560000300";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE insights.user_settings ADD COLUMN locale text NOT NULL DEFAULT 'en-US'`);
    await q.query(`
      CREATE TABLE insights.tax_estimates (
        user_id uuid NOT NULL,
        year integer NOT NULL,
        jurisdiction text NOT NULL,
        revision text NOT NULL,
        currency char(3) NOT NULL,
        estimated_tax_minor bigint NOT NULL,
        withheld_minor bigint NOT NULL,
        left_to_pay_minor bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, year)
      )`);
    await q.query(`
      CREATE TABLE insights.report_schedules (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL,
        format text NOT NULL,
        day_of_month smallint NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX report_schedules_user ON insights.report_schedules (user_id)`);
    await q.query(`
      CREATE TABLE insights.reports (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL,
        format text NOT NULL CHECK (format IN ('CSV', 'PDF')),
        date_from date NOT NULL,
        date_to date NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')),
        -- 0 to 1, as the job last committed it.
        progress numeric(4, 3) NOT NULL DEFAULT 0,
        error text,
        storage_key text,
        content_type text,
        filename text,
        size_bytes bigint,
        -- Set by a schedule: which one, and the month (YYYY-MM) it reported on.
        schedule_id uuid,
        schedule_month text,
        created_at timestamptz NOT NULL,
        ready_at timestamptz,
        expires_at timestamptz,
        UNIQUE (schedule_id, schedule_month)
      )`);
    await q.query(`CREATE INDEX reports_user_created ON insights.reports (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX reports_expiry ON insights.reports (expires_at) WHERE status = 'READY'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE insights.reports`);
    await q.query(`DROP TABLE insights.report_schedules`);
    await q.query(`DROP TABLE insights.tax_estimates`);
    await q.query(`ALTER TABLE insights.user_settings DROP COLUMN locale`);
  }
}
