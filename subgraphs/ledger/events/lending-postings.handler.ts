import type { ConsumerDefinition } from "../../../platform/events/index.js";
import {
  LENDING_LOAN_TOPIC,
  type LendingLoanEvents,
  LOAN_PAYMENT_RECORDED,
  type LoanLedgerPostingV1,
} from "../../../schema/events/lending.js";
import type { SourcePostingService } from "../source-postings/source-posting.service.js";
import type { NamedLine } from "../source-postings/source-posting.terms.js";

/**
 * The categories a loan payment is split into, by who paid: the user repaying what they borrowed
 * spends on "Loan" (principal) and "Interest" (interest and late fees); a borrower repaying the user
 * brings in "Loan repayments" and "Interest income". Found by name among the user's top-level
 * categories, or created once.
 */
const LOAN_CATEGORIES = {
  BORROWED: { principal: { name: "Loan", kind: "EXPENSE" }, interest: { name: "Interest", kind: "EXPENSE" } },
  LENT: { principal: { name: "Loan repayments", kind: "INCOME" }, interest: { name: "Interest income", kind: "INCOME" } },
} as const;

/** Principal, interest and late fee lines, signed like the payment; malformed parts are refused at booking. */
export function loanPaymentLines(posting: LoanLedgerPostingV1, amountMinor: bigint): NamedLine[] {
  const categories = LOAN_CATEGORIES[posting.direction === "LENT" ? "LENT" : "BORROWED"];
  const sign = amountMinor < 0n ? -1n : 1n;
  const part = (value: string) => (/^\d{1,18}$/.test(value) ? BigInt(value) : 0n);
  return [
    { category: categories.principal, amountMinor: sign * part(posting.principalMinor), memo: "Principal" },
    { category: categories.interest, amountMinor: sign * part(posting.interestMinor), memo: "Interest" },
    { category: categories.interest, amountMinor: sign * part(posting.feeMinor), memo: "Late fee" },
  ];
}

/**
 * Books the loan payments lending announces on the account the user named, once per event (the
 * inbox), split into principal and interest categories. A payment is never edited afterwards, so
 * a repeated event finds its link and changes nothing.
 */
export function lendingPostingsConsumer(postings: SourcePostingService): ConsumerDefinition<LendingLoanEvents> {
  return {
    // The consumer group and inbox entries are `ledger.loan-postings`: renaming it replays history.
    name: "loan-postings",
    topics: [LENDING_LOAN_TOPIC],
    handlers: {
      [LOAN_PAYMENT_RECORDED]: (event, manager) => {
        const { posting } = event.data;
        if (!posting) return Promise.resolve();
        return postings.follow(
          manager,
          { kind: "LOAN_PAYMENT", id: event.data.paymentId, originId: event.data.loanId },
          posting,
          event.traceId,
          (terms) => loanPaymentLines(posting, terms.amount.amountMinor),
        );
      },
    },
  };
}
