import { type DataSource, In } from "typeorm";

import { isUuid } from "../../../platform/time/index.js";
import { InstallmentEntity } from "../installments/installment.entity.js";
import { LOAN_STATUSES, type LoanDirectionValue, LoanEntity, type LoanStatusValue } from "./loan.entity.js";

/** What one side of the user's loans amounts to in one currency. */
export interface OwedAmount {
  direction: LoanDirectionValue;
  currency: string;
  amountMinor: bigint;
}

/**
 * What is owed on a loan today (`$today`): the principal not yet repaid, and the interest and late
 * fees of installments due by today and not yet paid. Future interest is not owed yet.
 */
const OWED = `l.outstanding_principal_minor + coalesce((
  SELECT sum(i.interest_minor - i.paid_interest_minor + i.late_fee_minor - i.paid_late_fee_minor)
  FROM lending.installments i WHERE i.loan_id = l.id AND i.status <> 'PAID' AND i.due_date <= $2::date), 0)`;

/** Loans still counted in what anyone owes: paid-off and written-off ones are not. */
const OPEN = `l.status IN ('ACTIVE', 'OVERDUE')`;

/** Reads of the caller's loans, every one filtered by owner in SQL. */
export class LoanQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first; only `status` when given. */
  list(userId: string, status: LoanStatusValue | null): Promise<LoanEntity[]> {
    return this.dataSource.getRepository(LoanEntity).find({
      where: { userId, ...(status && LOAN_STATUSES.includes(status) ? { status } : {}) },
      order: { createdAt: "ASC", id: "ASC" },
    });
  }

  findForUser(userId: string, ids: readonly string[]): Promise<LoanEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length === 0 ? Promise.resolve([]) : this.dataSource.getRepository(LoanEntity).findBy({ userId, id: In(valid) });
  }

  /** The loans naming each of `contactIds`, oldest first. */
  forContacts(userId: string, contactIds: readonly string[]): Promise<LoanEntity[]> {
    const valid = contactIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(LoanEntity)
      .find({ where: { userId, contactId: In(valid) }, order: { createdAt: "ASC", id: "ASC" } });
  }

  /** The schedules of `loanIds`, by loan then number. */
  installmentsFor(userId: string, loanIds: readonly string[]): Promise<InstallmentEntity[]> {
    const valid = loanIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(InstallmentEntity)
      .find({ where: { userId, loanId: In(valid) }, order: { loanId: "ASC", number: "ASC" } });
  }

  /** Per contact among `contactIds`, what is owed today on their open loans, by direction and currency. */
  async owedByContact(userId: string, contactIds: readonly string[], today: string): Promise<Array<OwedAmount & { contactId: string }>> {
    const valid = contactIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<{ contact_id: string; direction: LoanDirectionValue; currency: string; owed: string }> = await this.dataSource.query(
      `SELECT l.contact_id, l.direction, l.currency, sum(${OWED})::text AS owed FROM lending.loans l
       WHERE l.user_id = $1 AND ${OPEN} AND l.contact_id = ANY($3::uuid[])
       GROUP BY l.contact_id, l.direction, l.currency ORDER BY l.currency`,
      [userId, today, valid],
    );
    return rows.map((r) => ({ contactId: r.contact_id, direction: r.direction, currency: r.currency.trim(), amountMinor: BigInt(r.owed) }));
  }

  /** What the user owes and is owed today across open loans, by direction and currency. */
  async debtSummary(userId: string, today: string): Promise<OwedAmount[]> {
    const rows: Array<{ direction: LoanDirectionValue; currency: string; owed: string }> = await this.dataSource.query(
      `SELECT l.direction, l.currency, sum(${OWED})::text AS owed FROM lending.loans l
       WHERE l.user_id = $1 AND ${OPEN} GROUP BY l.direction, l.currency ORDER BY l.currency`,
      [userId, today],
    );
    return rows.map((r) => ({ direction: r.direction, currency: r.currency.trim(), amountMinor: BigInt(r.owed) }));
  }
}
