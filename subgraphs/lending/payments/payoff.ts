import type { InstallmentEntity } from "../installments/installment.entity.js";
import { unpaidOf } from "../installments/installment-state.js";
import { type InstallmentAmounts, payoffQuote } from "./allocation.js";

/** What settles a loan on a date, and what each installment it reaches counts for. */
export interface Payoff {
  feeMinor: bigint;
  interestMinor: bigint;
  principalMinor: bigint;
  totalMinor: bigint;
  /**
   * The installments a payoff pays, by number: every one due by the date, and the one whose
   * period runs on it, each with the interest owed by then (the running one's accrued by days).
   * The principal of those after them is paid as a prepayment.
   */
  reached: InstallmentAmounts[];
}

export const remainderOf = (row: InstallmentEntity): InstallmentAmounts => {
  const unpaid = unpaidOf(row);
  return { number: row.number, lateFeeMinor: unpaid.feeMinor, interestMinor: unpaid.interestMinor, principalMinor: unpaid.principalMinor };
};

/**
 * The payoff on `date` as `payoffQuote` counts it: all principal not repaid and late fees, the
 * interest of installments due by then, and the interest the running period has accrued (actual
 * days). `open`: the unpaid installments by number; none for a loan without a schedule, whose
 * payoff is its outstanding principal.
 */
export function payoffOn(outstandingPrincipalMinor: bigint, startDate: string, open: readonly InstallmentEntity[], date: string): Payoff {
  if (open.length === 0)
    return {
      feeMinor: 0n,
      interestMinor: 0n,
      principalMinor: outstandingPrincipalMinor,
      totalMinor: outstandingPrincipalMinor,
      reached: [],
    };
  const quote = payoffQuote(date, startDate, open.map(remainderOf));
  const running = open.find((row) => row.dueDate > date);
  const reached = open
    .filter((row) => row.dueDate <= date || row === running)
    .map((row) => {
      const remainder = remainderOf(row);
      // One installment at a time gives each its own accrued interest; the quote sums the same figures.
      return { ...remainder, interestMinor: payoffQuote(date, startDate, [remainder]).interestMinor };
    });
  return {
    feeMinor: quote.lateFeeMinor,
    interestMinor: quote.interestMinor,
    principalMinor: quote.principalMinor,
    totalMinor: quote.totalMinor,
    reached,
  };
}
