import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Contacts (the people one lends to or borrows from), loans with their terms, the stored schedule
 * (one row per installment: the amounts as scheduled, the parts paid so far, the late fee), and
 * payments with how each was applied. A prepayment rewrites only the installments not yet touched;
 * paid and partly paid rows stay as they were. Every row carries its owner's user id.
 */
export class Lending1796533800000 implements MigrationInterface {
  name = "Lending1796533800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lending.contacts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        email text,
        notes text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX contacts_user ON lending.contacts (user_id, lower(name))`);
    await q.query(`
      CREATE TABLE lending.loans (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        contact_id uuid NOT NULL REFERENCES lending.contacts (id),
        name text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('BORROWED', 'LENT')),
        currency char(3) NOT NULL,
        principal_minor bigint NOT NULL CHECK (principal_minor > 0),
        -- The annual rate in percent as a normalised decimal string ("6.5"): never a float.
        annual_rate_percent text NOT NULL,
        -- Null, with method, for an informal loan without a schedule.
        term_months integer CHECK (term_months BETWEEN 1 AND 600),
        method text CHECK (method IN ('AMORTIZING', 'SIMPLE', 'INTEREST_ONLY')),
        start_date date NOT NULL CHECK (start_date BETWEEN '1900-01-01' AND '2100-12-31'),
        grace_days integer NOT NULL CHECK (grace_days BETWEEN 0 AND 365),
        remind_days_before integer NOT NULL CHECK (remind_days_before BETWEEN 0 AND 60),
        late_fee_kind text CHECK (late_fee_kind IN ('FLAT', 'PERCENT')),
        late_fee_minor bigint CHECK (late_fee_minor >= 0),
        late_fee_percent text,
        prepayment_strategy text NOT NULL CHECK (prepayment_strategy IN ('REDUCE_TERM', 'REDUCE_PAYMENT')),
        -- The regular payment now (a REDUCE_PAYMENT prepayment lowers it); null without a schedule.
        installment_minor bigint,
        -- Kept with every payment under the loan's row lock, so summaries read one row per loan.
        outstanding_principal_minor bigint NOT NULL CHECK (outstanding_principal_minor >= 0),
        prepaid_minor bigint NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'OVERDUE', 'PAID_OFF', 'WRITTEN_OFF')),
        paid_off_on date,
        written_off_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((term_months IS NULL) = (method IS NULL))
      )`);
    await q.query(`CREATE INDEX loans_user ON lending.loans (user_id, created_at, id)`);
    await q.query(`CREATE INDEX loans_contact ON lending.loans (contact_id)`);
    await q.query(`
      CREATE TABLE lending.installments (
        loan_id uuid NOT NULL REFERENCES lending.loans (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        user_id uuid NOT NULL,
        due_date date NOT NULL,
        payment_minor bigint NOT NULL CHECK (payment_minor >= 0),
        interest_minor bigint NOT NULL CHECK (interest_minor >= 0),
        principal_minor bigint NOT NULL CHECK (principal_minor >= 0),
        balance_minor bigint NOT NULL CHECK (balance_minor >= 0),
        paid_interest_minor bigint NOT NULL DEFAULT 0 CHECK (paid_interest_minor BETWEEN 0 AND interest_minor),
        paid_principal_minor bigint NOT NULL DEFAULT 0 CHECK (paid_principal_minor BETWEEN 0 AND principal_minor),
        late_fee_minor bigint NOT NULL DEFAULT 0 CHECK (late_fee_minor >= 0),
        paid_late_fee_minor bigint NOT NULL DEFAULT 0 CHECK (paid_late_fee_minor BETWEEN 0 AND late_fee_minor),
        status text NOT NULL CHECK (status IN ('PENDING', 'PARTIALLY_PAID', 'OVERDUE', 'PAID')),
        -- Set once each, under the row lock of the job that sets them: one notice, one late fee.
        reminded_at timestamptz,
        overdue_at timestamptz,
        paid_on date,
        PRIMARY KEY (loan_id, number)
      )`);
    // The daily job's scan: open installments by due date.
    await q.query(`CREATE INDEX installments_open ON lending.installments (due_date) WHERE status <> 'PAID'`);
    await q.query(`
      CREATE TABLE lending.payments (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        loan_id uuid NOT NULL REFERENCES lending.loans (id) ON DELETE CASCADE,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        date date NOT NULL,
        fee_minor bigint NOT NULL CHECK (fee_minor >= 0),
        interest_minor bigint NOT NULL CHECK (interest_minor >= 0),
        principal_minor bigint NOT NULL CHECK (principal_minor >= 0),
        prepayment_minor bigint NOT NULL CHECK (prepayment_minor >= 0),
        -- [{number, fee, interest, principal}] as applied, minor units as strings.
        allocation jsonb NOT NULL,
        ledger_account_id uuid,
        created_at timestamptz NOT NULL,
        CHECK (amount_minor = fee_minor + interest_minor + principal_minor + prepayment_minor)
      )`);
    await q.query(`CREATE INDEX payments_loan ON lending.payments (loan_id, date, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["payments", "installments", "loans", "contacts"]) await q.query(`DROP TABLE lending.${table}`);
  }
}
