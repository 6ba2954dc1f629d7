import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LendingDeps } from "../lending.deps.js";
import { moneyOf } from "../loans/loan.errors.js";
import { Loan } from "../loans/loan.type.js";
import { RecordLoanPaymentInput } from "./payment.inputs.js";
import { LoanPayment } from "./payment.type.js";

@Resolver(() => LoanPayment)
export class LoanPaymentResolver {
  constructor(private readonly deps: LendingDeps) {}

  @Directive(scopes("lending:write"))
  @Mutation(() => LoanPayment, {
    description:
      "Applies a payment: late fees, then interest, then principal, oldest installment first; a partial payment stays on the installment. Money beyond what is owed (the installments due by the date, or the next one when none is) is a prepayment: the rest of the schedule is recomputed by the loan's prepaymentStrategy, history unchanged. LOAN_CLOSED on a paid-off or written-off loan.",
  })
  async recordLoanPayment(
    @Ctx() context: RequestContext,
    @Arg("input", () => RecordLoanPaymentInput) input: RecordLoanPaymentInput,
  ): Promise<LoanPayment> {
    const { payment, loan } = await this.deps.payments.record(
      requireUserId(context),
      {
        loanId: input.loanId,
        amount: moneyOf(input.amount, "amount"),
        date: input.date,
        ledgerAccountId: input.ledgerAccountId ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      context.traceId,
    );
    return LoanPayment.from(payment, loan.currency);
  }

  @FieldResolver(() => Loan, { description: "The loan as it stands now." })
  async loan(@Root() payment: LoanPayment, @Ctx() context: RequestContext): Promise<Loan> {
    return Loan.from((await context.loaders.get(this.deps.loaders.loan).load(payment.loanId))!);
  }
}
