import type { MigrationInterface, QueryRunner } from "typeorm";

/** Recurring transactions and bills: a schedule, the next occurrence to post, and the last one reminded of. */
export class Recurring1764547200220 implements MigrationInterface {
  name = "Recurring1764547200220";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.schedules (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        account_id uuid NOT NULL,
        category_id uuid,
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        currency char(3) NOT NULL,
        payee text NOT NULL,
        notes text NOT NULL,
        frequency text NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')),
        interval integer NOT NULL CHECK (interval BETWEEN 1 AND 366),
        day_of_month smallint CHECK (day_of_month BETWEEN 1 AND 31),
        start_date date NOT NULL,
        end_date date,
        next_due date,
        remind_days_before smallint NOT NULL CHECK (remind_days_before BETWEEN 0 AND 60),
        reminded_for date,
        created_at timestamptz NOT NULL,
        FOREIGN KEY (account_id, user_id) REFERENCES ledger.accounts (id, user_id),
        FOREIGN KEY (category_id, user_id) REFERENCES ledger.categories (id, user_id)
      )`);
    await q.query(`CREATE INDEX schedules_user ON ledger.schedules (user_id, next_due)`);
    await q.query(`CREATE INDEX schedules_due ON ledger.schedules (next_due) WHERE next_due IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.schedules`);
  }
}
