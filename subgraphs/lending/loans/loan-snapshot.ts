import { type EntityManager, LessThanOrEqual, Not } from "typeorm";

import { addDays } from "../../../platform/time/index.js";
import { type LoanSnapshotV1, UPCOMING_INSTALLMENT_DAYS } from "../../../schema/events/lending.js";
import { InstallmentEntity } from "../installments/installment.entity.js";
import { unpaidTotal } from "../installments/installment-state.js";
import type { LoanEntity } from "./loan.entity.js";

export const loanSnapshot = (loan: LoanEntity): LoanSnapshotV1 => ({
  loanId: loan.id,
  userId: loan.userId,
  contactId: loan.contactId,
  name: loan.name,
  direction: loan.direction,
  principalMinor: loan.principalMinor.toString(),
  currency: loan.currency,
  status: loan.status,
  outstandingPrincipalMinor: loan.outstandingPrincipalMinor.toString(),
  annualRatePercent: loan.annualRatePercent,
});

/**
 * The snapshot with what is still to come, read in the writer's transaction so it shows the write:
 * the unpaid installments due by `today` + UPCOMING_INSTALLMENT_DAYS (a forecast's year and more),
 * and the account the latest payment that named one went through. A closed loan has nothing to come.
 */
export async function loanSnapshotWithSchedule(manager: EntityManager, loan: LoanEntity, today: string): Promise<LoanSnapshotV1> {
  const open = loan.status === "ACTIVE" || loan.status === "OVERDUE";
  const rows = open
    ? await manager.find(InstallmentEntity, {
        where: { loanId: loan.id, status: Not("PAID"), dueDate: LessThanOrEqual(addDays(today, UPCOMING_INSTALLMENT_DAYS)) },
        order: { number: "ASC" },
      })
    : [];
  const [latest]: Array<{ ledger_account_id: string }> = await manager.query(
    `SELECT ledger_account_id FROM lending.payments WHERE loan_id = $1 AND user_id = $2 AND ledger_account_id IS NOT NULL
     ORDER BY date DESC, created_at DESC, id DESC LIMIT 1`,
    [loan.id, loan.userId],
  );
  return {
    ...loanSnapshot(loan),
    upcomingInstallments: rows
      .filter((row) => unpaidTotal(row) > 0n)
      .map((row) => ({ number: row.number, dueDate: row.dueDate, amountMinor: unpaidTotal(row).toString() })),
    paymentAccountId: latest?.ledger_account_id ?? null,
  };
}
