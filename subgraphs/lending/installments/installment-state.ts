import type { ScheduledInstallment } from "../schedule/schedule.js";
import { InstallmentEntity, type InstallmentStatusValue } from "./installment.entity.js";

/** What is still to pay on an installment, by part. */
export interface Unpaid {
  feeMinor: bigint;
  interestMinor: bigint;
  principalMinor: bigint;
}

export function unpaidOf(row: InstallmentEntity): Unpaid {
  return {
    feeMinor: row.lateFeeMinor - row.paidLateFeeMinor,
    interestMinor: row.interestMinor - row.paidInterestMinor,
    principalMinor: row.principalMinor - row.paidPrincipalMinor,
  };
}

export const unpaidTotal = (row: InstallmentEntity): bigint => {
  const u = unpaidOf(row);
  return u.feeMinor + u.interestMinor + u.principalMinor;
};

/** PAID once nothing is left; OVERDUE from the day the job marked it until then; PARTIALLY_PAID when some of it is paid. */
export function statusOf(row: InstallmentEntity): InstallmentStatusValue {
  if (unpaidTotal(row) === 0n) return "PAID";
  if (row.overdueAt !== null) return "OVERDUE";
  return row.paidInterestMinor + row.paidPrincipalMinor + row.paidLateFeeMinor > 0n ? "PARTIALLY_PAID" : "PENDING";
}

/**
 * Rows for a freshly computed (part of a) schedule: nothing paid yet. An installment of nothing (an
 * interest-free, interest-only month) is PAID from the start: nothing can be overdue on it.
 */
export function installmentRows(loanId: string, userId: string, scheduled: readonly ScheduledInstallment[]): InstallmentEntity[] {
  return scheduled.map((s) => {
    const row: InstallmentEntity = Object.assign(new InstallmentEntity(), {
      loanId,
      number: s.number,
      userId,
      dueDate: s.dueDate,
      paymentMinor: s.paymentMinor,
      interestMinor: s.interestMinor,
      principalMinor: s.principalMinor,
      balanceMinor: s.balanceMinor,
      paidInterestMinor: 0n,
      paidPrincipalMinor: 0n,
      lateFeeMinor: 0n,
      paidLateFeeMinor: 0n,
      status: "PENDING",
      remindedAt: null,
      overdueAt: null,
      paidOn: null,
    } satisfies InstallmentEntity);
    row.status = statusOf(row);
    return row;
  });
}
