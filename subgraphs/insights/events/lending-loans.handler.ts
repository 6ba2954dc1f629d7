import type { ConsumerDefinition } from "../../../platform/events/index.js";
import {
  LENDING_LOAN_TOPIC,
  type LendingLoanEvents,
  LOAN_CREATED,
  LOAN_PAYMENT_RECORDED,
  LOAN_WRITTEN_OFF,
} from "../../../schema/events/lending.js";
import type { LoanStore } from "../loans/loan.store.js";

/**
 * Loans' outstanding principal by day, for net worth: a payment's snapshot on its date; a new or
 * written-off loan on the day the event happened (its snapshot carries no date of its own).
 */
export function lendingLoansConsumer(loans: LoanStore): ConsumerDefinition<LendingLoanEvents> {
  return {
    name: "insights-lending-loans",
    topics: [LENDING_LOAN_TOPIC],
    handlers: {
      [LOAN_CREATED]: (event, manager) => loans.record(manager, event.data, event.occurredAt.slice(0, 10)),
      [LOAN_PAYMENT_RECORDED]: (event, manager) => loans.record(manager, event.data.loan, event.data.date),
      [LOAN_WRITTEN_OFF]: (event, manager) => loans.record(manager, event.data, event.occurredAt.slice(0, 10)),
    },
  };
}
