/**
 * lending's event contract: topics, event types and payloads (see identity.ts for the rules of this
 * folder). Loans are one user's own, so every key here is the **user id**: one user's loan events
 * stay in order on one partition. Amounts are strings of minor units, dates YYYY-MM-DD.
 */

export type LoanDirectionV1 = "BORROWED" | "LENT";
export type LoanStatusV1 = "ACTIVE" | "OVERDUE" | "PAID_OFF" | "WRITTEN_OFF";

/** Key = user id. A loan's life: created, each payment recorded, written off. */
export const LENDING_LOAN_TOPIC = "lending.loan.v1" as const;

export const LOAN_CREATED = "LoanCreated" as const;
export const LOAN_PAYMENT_RECORDED = "LoanPaymentRecorded" as const;
export const LOAN_WRITTEN_OFF = "LoanWrittenOff" as const;

export interface LoanSnapshotV1 {
  loanId: string;
  userId: string;
  contactId: string;
  name: string;
  direction: LoanDirectionV1;
  principalMinor: string;
  currency: string;
  status: LoanStatusV1;
  /** Principal not yet repaid. */
  outstandingPrincipalMinor: string;
  /** The annual rate in percent, an exact decimal string ("6.5"). Absent in events written before the field existed. */
  annualRatePercent?: string;
  /**
   * The installments still (partly) unpaid and due within {@link UPCOMING_INSTALLMENT_DAYS} days of
   * the day the snapshot was taken (overdue ones included), by number; `amountMinor` is what is
   * still to pay on each, late fees included. Empty for a loan without a schedule, paid off or
   * written off. Absent in events written before the field existed.
   */
  upcomingInstallments?: LoanInstallmentV1[];
  /**
   * The ledger account of the latest payment (by date, then as recorded) that named one: where the
   * next ones are likely to go through. Null when no payment named one; absent in events written
   * before the field existed.
   */
  paymentAccountId?: string | null;
}

/** How far ahead a snapshot lists installments: a year of forecast with room to spare. */
export const UPCOMING_INSTALLMENT_DAYS = 400;

export interface LoanInstallmentV1 {
  number: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Still to pay on it (unsigned): out for a BORROWED loan, in for a LENT one. */
  amountMinor: string;
}

/**
 * What the ledger books for a payment on one of the user's own accounts: `amountMinor` is signed
 * (negative: the user paid, a BORROWED loan; positive: the user was paid, a LENT loan), and its
 * absolute value is exactly `principalMinor + interestMinor + feeMinor` (each ≥ 0, a prepayment
 * counted as principal), the parts the ledger splits into its principal and interest categories.
 */
export interface LoanLedgerPostingV1 {
  userId: string;
  accountId: string;
  amountMinor: string;
  currency: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Payee / description for the ledger transaction. */
  description: string;
  direction: LoanDirectionV1;
  principalMinor: string;
  interestMinor: string;
  /** Late fees paid. */
  feeMinor: string;
}

export interface LoanPaymentRecordedV1 {
  loanId: string;
  paymentId: string;
  userId: string;
  amountMinor: string;
  currency: string;
  /** YYYY-MM-DD. */
  date: string;
  feeMinor: string;
  interestMinor: string;
  /** Principal of the installments it paid. */
  principalMinor: string;
  /** The part beyond what was owed, taken off the principal (the rest of the schedule recomputed). */
  prepaymentMinor: string;
  loan: LoanSnapshotV1;
  /** What the ledger books for it; null when no ledger account was named. */
  posting: LoanLedgerPostingV1 | null;
}

/** Payloads on `lending.loan.v1`, by event type. */
export type LendingLoanEvents = {
  [LOAN_CREATED]: LoanSnapshotV1;
  [LOAN_PAYMENT_RECORDED]: LoanPaymentRecordedV1;
  [LOAN_WRITTEN_OFF]: LoanSnapshotV1;
};

/** Key = user id. Reminders and notices about installments, for notifications. */
export const LENDING_INSTALLMENT_TOPIC = "lending.installment.v1" as const;

/** An installment is due within the loan's `remindDaysBefore` days (once per installment). */
export const INSTALLMENT_DUE = "InstallmentDue" as const;
/** An installment is unpaid `graceDays` after its due date (once per installment); the late fee applies. */
export const INSTALLMENT_OVERDUE = "InstallmentOverdue" as const;
/** The last of a loan's money was paid (once per loan). */
export const LOAN_PAID_OFF = "LoanPaidOff" as const;

export interface InstallmentDueV1 {
  loanId: string;
  userId: string;
  contactId: string;
  direction: LoanDirectionV1;
  number: number;
  dueDate: string;
  /** What is still to pay on it. */
  amountMinor: string;
  currency: string;
}

/** `amountMinor` counts the late fee just added. */
export interface InstallmentOverdueV1 extends InstallmentDueV1 {
  /** The late fee added to the installment, "0" when the loan has none. */
  lateFeeMinor: string;
}

export interface LoanPaidOffV1 {
  loanId: string;
  userId: string;
  contactId: string;
  direction: LoanDirectionV1;
  /** YYYY-MM-DD: the date of the payment that paid it off. */
  date: string;
  currency: string;
  totalInterestMinor: string;
}

/** Payloads on `lending.installment.v1`, by event type. */
export type LendingInstallmentEvents = {
  [INSTALLMENT_DUE]: InstallmentDueV1;
  [INSTALLMENT_OVERDUE]: InstallmentOverdueV1;
  [LOAN_PAID_OFF]: LoanPaidOffV1;
};

/** Every lending topic and what it carries. */
export type LendingTopics = {
  [LENDING_LOAN_TOPIC]: LendingLoanEvents;
  [LENDING_INSTALLMENT_TOPIC]: LendingInstallmentEvents;
};
