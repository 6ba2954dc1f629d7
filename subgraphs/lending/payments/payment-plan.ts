import type { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { formatAmount } from "../../../platform/money/index.js";
import type { InstallmentEntity } from "../installments/installment.entity.js";
import { statusOf } from "../installments/installment-state.js";
import type { PrepaymentStrategyValue } from "../loans/loan.entity.js";
import { rescheduleAfterPrepayment } from "../schedule/reschedule.js";
import type { LoanMethod, ScheduledInstallment } from "../schedule/schedule.js";
import { allocatePayment, type InstallmentAmounts } from "./allocation.js";
import { type Payoff, payoffOn, remainderOf } from "./payoff.js";

/** The loan as a payment needs it. */
export interface PayableLoan {
  currency: string;
  outstandingPrincipalMinor: bigint;
  annualRatePercent: Decimal;
  startDate: string;
  /** Null for a loan without a schedule. */
  method: LoanMethod | null;
  prepaymentStrategy: PrepaymentStrategyValue;
  installmentMinor: bigint | null;
}

export interface AppliedPart {
  number: number;
  feeMinor: bigint;
  interestMinor: bigint;
  principalMinor: bigint;
}

/** What one payment does to a loan, computed before anything is written. */
export interface PaymentPlan {
  /** Per installment touched, in number order. */
  applied: AppliedPart[];
  feeMinor: bigint;
  interestMinor: bigint;
  principalMinor: bigint;
  /** Beyond what was owed: taken off the principal. */
  prepaymentMinor: bigint;
  /** The open rows the payment touched: new paid parts, status, paid date (and a payoff's cut interest). */
  updated: InstallmentEntity[];
  /** The untouched rows from `fromNumber` on give way to `rows` (none once the loan is repaid). */
  rescheduled: { fromNumber: number; rows: ScheduledInstallment[] } | null;
  outstandingPrincipalMinor: bigint;
  installmentMinor: bigint | null;
}

const money = (amountMinor: bigint, currency: string) => formatAmount({ amountMinor, currency });

/**
 * The installments a payment on `date` is owed to: every open one due by then; when none is, the
 * next one, so paying the coming installment a few days early is that installment, not a
 * prepayment. Money beyond them is a prepayment.
 */
export function owedOn(open: readonly InstallmentEntity[], date: string): InstallmentEntity[] {
  const due = open.filter((row) => row.dueDate <= date);
  if (due.length > 0) return due;
  const next = open.find((row) => row.dueDate > date);
  return next ? [next] : [];
}

/**
 * Applies `amountMinor` paid on `date` to the loan's open installments (by number): late fees,
 * then interest, then principal, oldest first, as `allocatePayment` orders them; a part left unpaid
 * stays owed. The rest is a prepayment: the untouched installments are recomputed from the lower
 * balance by the loan's strategy, while paid and partly paid rows keep their history.
 *
 * Only exactly the payoff for the date clears the principal: it settles the loan, charging the
 * running period the interest accrued by then and dropping the installments after it. Any other
 * payment must leave principal owed; more than the payoff, or an amount that would clear the
 * principal without the accrued interest, is BAD_USER_INPUT on `amount`.
 */
export function paymentPlan(loan: PayableLoan, open: readonly InstallmentEntity[], amountMinor: bigint, date: string): PaymentPlan {
  const payoff = payoffOn(loan.outstandingPrincipalMinor, loan.startDate, open, date);
  if (amountMinor > payoff.totalMinor)
    throw badInput(`the payment is more than the payoff on ${date}, ${money(payoff.totalMinor, loan.currency)}`, { field: "amount" });
  if (amountMinor === payoff.totalMinor)
    return open.length > 0 ? settle(loan, open, payoff, amountMinor, date) : apply(loan, [], [], amountMinor, date);

  const owed = owedOn(open, date);
  const plan = apply(loan, owed, owed.map(remainderOf), amountMinor, date);
  if (plan.outstandingPrincipalMinor <= 0n) {
    // Clearing the principal any other way would skip the running period's accrued interest.
    const most = amountMinor - plan.prepaymentMinor + loan.outstandingPrincipalMinor - plan.principalMinor - 1n;
    throw badInput(
      `to pay the loan off on ${date} pay exactly ${money(payoff.totalMinor, loan.currency)}; any other payment leaves principal owed, so at most ${money(most, loan.currency)}`,
      { field: "amount" },
    );
  }
  if (plan.prepaymentMinor === 0n || loan.method === null) return plan;
  const untouched = open.filter((row) => row.number > (owed.at(-1)?.number ?? 0));
  // Money beyond what is owed means every owed row is now paid, so what is left lies in these rows.
  const fromNumber = untouched[0]!.number;
  const rows = rescheduleAfterPrepayment(
    {
      balanceMinor: plan.outstandingPrincipalMinor,
      annualRatePercent: loan.annualRatePercent,
      nextNumber: fromNumber,
      remainingMonths: untouched.length,
      startDate: loan.startDate,
      method: loan.method,
      currentPaymentMinor: loan.installmentMinor ?? 0n,
    },
    loan.prepaymentStrategy,
  );
  const installmentMinor = loan.prepaymentStrategy === "REDUCE_PAYMENT" && rows[0] ? rows[0].paymentMinor : loan.installmentMinor;
  return { ...plan, rescheduled: { fromNumber, rows }, installmentMinor };
}

/** The payoff: every installment reached paid in full, the running one charged its accrued interest only, the rest dropped. */
function settle(loan: PayableLoan, open: readonly InstallmentEntity[], payoff: Payoff, amountMinor: bigint, date: string): PaymentPlan {
  const reached = open.filter((row) => payoff.reached.some((r) => r.number === row.number));
  const plan = apply(loan, reached, payoff.reached, amountMinor, date);
  // A row the payoff owes nothing more (an interest-only month at its first day) is settled all the same.
  for (const row of reached) if (!plan.updated.some((u) => u.number === row.number)) plan.updated.push({ ...row });
  plan.updated.sort((a, b) => a.number - b.number);
  for (const row of plan.updated) {
    if (row.paidInterestMinor < row.interestMinor) {
      // The running period ends today: its interest is what accrued, and nothing is left after it.
      row.interestMinor = row.paidInterestMinor;
      row.paymentMinor = row.interestMinor + row.principalMinor;
      row.balanceMinor = 0n;
    }
    row.status = statusOf(row);
    row.paidOn ??= date;
  }
  const after = open.filter((row) => row.number > (reached.at(-1)?.number ?? 0));
  return { ...plan, rescheduled: after.length > 0 ? { fromNumber: after[0]!.number, rows: [] } : null };
}

/** `owed` (amounts per row of `rows`) allocated: the rows' new paid parts, and what is left as prepayment. */
function apply(
  loan: PayableLoan,
  rows: readonly InstallmentEntity[],
  owed: InstallmentAmounts[],
  amountMinor: bigint,
  date: string,
): PaymentPlan {
  const allocation = allocatePayment(amountMinor, owed);
  const applied: AppliedPart[] = allocation.applied
    .map((a) => ({ number: a.number, feeMinor: a.lateFeeMinor, interestMinor: a.interestMinor, principalMinor: a.principalMinor }))
    .sort((a, b) => a.number - b.number);
  const sum = (pick: (a: AppliedPart) => bigint) => applied.reduce((total, a) => total + pick(a), 0n);
  const updated = applied.map((part) => {
    const row = { ...rows.find((r) => r.number === part.number)! };
    row.paidLateFeeMinor += part.feeMinor;
    row.paidInterestMinor += part.interestMinor;
    row.paidPrincipalMinor += part.principalMinor;
    row.status = statusOf(row);
    if (row.status === "PAID") row.paidOn = date;
    return row;
  });
  const principalMinor = sum((a) => a.principalMinor);
  return {
    applied,
    feeMinor: sum((a) => a.feeMinor),
    interestMinor: sum((a) => a.interestMinor),
    principalMinor,
    prepaymentMinor: allocation.overpaymentMinor,
    updated,
    rescheduled: null,
    outstandingPrincipalMinor: loan.outstandingPrincipalMinor - principalMinor - allocation.overpaymentMinor,
    installmentMinor: loan.installmentMinor,
  };
}
