import type { DataSource, EntityManager } from "typeorm";

import type { LoanInstallmentV1, LoanSnapshotV1 } from "../../../schema/events/lending.js";

/** A loan's outstanding principal on a day: an asset when LENT, a liability when BORROWED. */
export interface LoanBalance {
  loanId: string;
  /** Exact decimal percent; null when lending did not say. */
  annualRatePercent: string | null;
  name: string;
  direction: "BORROWED" | "LENT";
  currency: string;
  date: string;
  outstandingMinor: bigint;
}

/** A loan's installments still to pay, unsigned, and the account its payments went through (null: none known). */
export interface UpcomingInstallments {
  loanId: string;
  name: string;
  direction: "BORROWED" | "LENT";
  currency: string;
  accountId: string | null;
  installments: Array<{ number: number; dueDate: string; amountMinor: bigint }>;
}

/**
 * Loans as lending describes them (`lending.loan.v1`): each snapshot's outstanding principal is
 * kept by day, so net worth can be read at any past date. A written-off loan counts 0 from then.
 * The latest snapshot's upcoming installments feed the cash-flow forecast.
 */
export class LoanStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, loan: LoanSnapshotV1, date: string): Promise<void> {
    // What a snapshot leaves out (written before lending sent it) stays as the last one said.
    const installments = loan.upcomingInstallments === undefined ? null : JSON.stringify(loan.upcomingInstallments);
    await manager.query(
      `INSERT INTO insights.loans (id, user_id, name, direction, currency, status, annual_rate_percent, upcoming_installments, payment_account_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
         annual_rate_percent = coalesce(EXCLUDED.annual_rate_percent, insights.loans.annual_rate_percent),
         upcoming_installments = coalesce(EXCLUDED.upcoming_installments, insights.loans.upcoming_installments),
         payment_account_id = CASE WHEN $10 THEN EXCLUDED.payment_account_id ELSE insights.loans.payment_account_id END
       WHERE insights.loans.user_id = EXCLUDED.user_id`,
      [
        loan.loanId,
        loan.userId,
        loan.name,
        loan.direction,
        loan.currency,
        loan.status,
        loan.annualRatePercent ?? null,
        installments,
        loan.paymentAccountId ?? null,
        loan.paymentAccountId !== undefined,
      ],
    );
    const outstanding = loan.status === "WRITTEN_OFF" ? "0" : loan.outstandingPrincipalMinor;
    await manager.query(
      `INSERT INTO insights.loan_balances (loan_id, user_id, date, outstanding_minor) VALUES ($1, $2, $3, $4)
       ON CONFLICT (loan_id, date) DO UPDATE SET outstanding_minor = EXCLUDED.outstanding_minor`,
      [loan.loanId, loan.userId, date, outstanding],
    );
  }

  /** Each loan's outstanding principal as it stood at the end of `date` (loans not yet made are left out). */
  async balancesAt(userId: string, date: string, manager: EntityManager = this.dataSource.manager): Promise<LoanBalance[]> {
    const rows: Array<Record<string, string>> = await manager.query(
      `SELECT DISTINCT ON (b.loan_id) b.loan_id, l.name, l.annual_rate_percent, l.direction, l.currency, to_char(b.date, 'YYYY-MM-DD') AS date, b.outstanding_minor::text AS outstanding
       FROM insights.loan_balances b JOIN insights.loans l ON l.id = b.loan_id
       WHERE b.user_id = $1 AND b.date <= $2 ORDER BY b.loan_id, b.date DESC`,
      [userId, date],
    );
    return rows.map((r) => ({
      loanId: r.loan_id!,
      annualRatePercent: r.annual_rate_percent ?? null,
      name: r.name!,
      direction: r.direction as LoanBalance["direction"],
      currency: r.currency!.trim(),
      date: r.date!,
      outstandingMinor: BigInt(r.outstanding!),
    }));
  }

  /** Every balance change of the user's loans up to `to`, oldest first (net worth series step through them). */
  async history(userId: string, to: string, manager: EntityManager = this.dataSource.manager): Promise<LoanBalance[]> {
    const rows: Array<Record<string, string>> = await manager.query(
      `SELECT b.loan_id, l.name, l.annual_rate_percent, l.direction, l.currency, to_char(b.date, 'YYYY-MM-DD') AS date, b.outstanding_minor::text AS outstanding
       FROM insights.loan_balances b JOIN insights.loans l ON l.id = b.loan_id
       WHERE b.user_id = $1 AND b.date <= $2 ORDER BY b.date, b.loan_id`,
      [userId, to],
    );
    return rows.map((r) => ({
      loanId: r.loan_id!,
      annualRatePercent: r.annual_rate_percent ?? null,
      name: r.name!,
      direction: r.direction as LoanBalance["direction"],
      currency: r.currency!.trim(),
      date: r.date!,
      outstandingMinor: BigInt(r.outstanding!),
    }));
  }

  /**
   * The installments still to come on the user's open loans, as their latest snapshots listed them
   * (loans whose snapshots never listed any are left out), by loan name.
   */
  async upcoming(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UpcomingInstallments[]> {
    const rows: Array<{
      id: string;
      name: string;
      direction: LoanBalance["direction"];
      currency: string;
      payment_account_id: string | null;
      upcoming_installments: LoanInstallmentV1[];
    }> = await manager.query(
      `SELECT id, name, direction, currency, payment_account_id, upcoming_installments FROM insights.loans
       WHERE user_id = $1 AND status IN ('ACTIVE', 'OVERDUE') AND upcoming_installments IS NOT NULL ORDER BY name, id`,
      [userId],
    );
    return rows.map((r) => ({
      loanId: r.id,
      name: r.name,
      direction: r.direction,
      currency: r.currency.trim(),
      accountId: r.payment_account_id,
      installments: r.upcoming_installments.map((i) => ({ number: i.number, dueDate: i.dueDate, amountMinor: BigInt(i.amountMinor) })),
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.loan_balances WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.loans WHERE user_id = $1`, [userId]);
  }
}
