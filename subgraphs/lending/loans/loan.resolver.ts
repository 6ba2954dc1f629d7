import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { calendarDate } from "../../../platform/time/index.js";
import { Contact } from "../contacts/contact.type.js";
import { Installment } from "../installments/installment.type.js";
import type { LendingDeps } from "../lending.deps.js";
import { LoanPayment } from "../payments/payment.type.js";
import { payoffOn } from "../payments/payoff.js";
import { moneyOf } from "./loan.errors.js";
import { CreateLoanInput } from "./loan.inputs.js";
import { Loan, LoanPayoffQuote, LoanStatus } from "./loan.type.js";
import { owedToday } from "./owed.js";

@Resolver(() => Loan)
export class LoanResolver {
  constructor(private readonly deps: LendingDeps) {}

  @Directive(scopes("lending:read"))
  @Query(() => [Loan], { description: "Your loans, oldest first." })
  async loans(
    @Ctx() context: RequestContext,
    @Arg("status", () => LoanStatus, { nullable: true }) status: LoanStatus | null,
  ): Promise<Loan[]> {
    return (await this.deps.loanQueries.list(requireUserId(context), status)).map(Loan.from);
  }

  @Directive(scopes("lending:read"))
  @Query(() => Loan, { nullable: true, description: "One of your loans; null if unknown or not yours." })
  async loan(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Loan | null> {
    requireUserId(context);
    const loan = await context.loaders.get(this.deps.loaders.loan).load(id);
    return loan ? Loan.from(loan) : null;
  }

  @Directive(scopes("lending:write"))
  @Mutation(() => Loan, { description: "Stores the loan and its whole schedule (see Loan for the convention)." })
  async createLoan(@Ctx() context: RequestContext, @Arg("input", () => CreateLoanInput) input: CreateLoanInput): Promise<Loan> {
    const loan = await this.deps.loans.create(
      requireUserId(context),
      {
        name: input.name,
        direction: input.direction,
        contactId: input.contactId,
        principal: moneyOf(input.principal, "principal"),
        annualRatePercent: input.annualRatePercent,
        termMonths: input.termMonths,
        startDate: input.startDate,
        method: input.method,
        schedule: input.schedule,
        graceDays: input.graceDays,
        remindDaysBefore: input.remindDaysBefore,
        lateFee: input.lateFee
          ? { flat: input.lateFee.flat ? moneyOf(input.lateFee.flat, "lateFee.flat") : null, percent: input.lateFee.percent }
          : null,
        prepaymentStrategy: input.prepaymentStrategy,
        idempotencyKey: input.idempotencyKey,
      },
      context.traceId,
    );
    return Loan.from(loan);
  }

  @Directive(scopes("lending:write"))
  @Mutation(() => Loan, { description: "Gives up on what is still owed: the loan takes no more payments and leaves the debt summary." })
  async writeOffLoan(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Loan> {
    return Loan.from(await this.deps.loans.writeOff(requireUserId(context), id, context.traceId));
  }

  @FieldResolver(() => Contact)
  async contact(@Root() loan: Loan, @Ctx() context: RequestContext): Promise<Contact> {
    return Contact.from((await context.loaders.get(this.deps.loaders.contact).load(loan.contactId))!);
  }

  @FieldResolver(() => [Installment], { description: "Every installment by number, paid ones included." })
  async schedule(@Root() loan: Loan, @Ctx() context: RequestContext): Promise<Installment[]> {
    return (await context.loaders.get(this.deps.loaders.installments).load(loan.id)).map((row) => Installment.from(row, loan.currency));
  }

  @FieldResolver(() => MoneyType, { description: "Σ interest over the schedule as it stands (prepayments lower it)." })
  async totalInterest(@Root() loan: Loan, @Ctx() context: RequestContext): Promise<MoneyType> {
    const rows = await context.loaders.get(this.deps.loaders.installments).load(loan.id);
    return MoneyType.from({ amountMinor: rows.reduce((sum, row) => sum + row.interestMinor, 0n), currency: loan.currency });
  }

  @FieldResolver(() => MoneyType, {
    description: "Owed today: the principal not yet repaid, and interest and late fees of installments due by today and unpaid.",
  })
  async amountOwed(@Root() loan: Loan, @Ctx() context: RequestContext): Promise<MoneyType> {
    const rows = await context.loaders.get(this.deps.loaders.installments).load(loan.id);
    const open = loan.status === LoanStatus.ACTIVE || loan.status === LoanStatus.OVERDUE;
    return MoneyType.from({
      amountMinor: open ? owedToday(loan.outstandingPrincipalMinor, rows, this.deps.today()) : 0n,
      currency: loan.currency,
    });
  }

  @FieldResolver(() => Installment, {
    nullable: true,
    description: "The oldest installment not paid in full; null when none, and on a written-off loan.",
  })
  async nextDue(@Root() loan: Loan, @Ctx() context: RequestContext): Promise<Installment | null> {
    if (loan.status === LoanStatus.WRITTEN_OFF) return null;
    const rows = await context.loaders.get(this.deps.loaders.installments).load(loan.id);
    const next = rows.find((row) => row.status !== "PAID");
    return next ? Installment.from(next, loan.currency) : null;
  }

  @FieldResolver(() => [LoanPayment], { description: "Oldest first." })
  async payments(@Root() loan: Loan, @Ctx() context: RequestContext): Promise<LoanPayment[]> {
    return (await context.loaders.get(this.deps.loaders.payments).load(loan.id)).map((p) => LoanPayment.from(p, loan.currency));
  }

  @FieldResolver(() => LoanPayoffQuote, {
    description:
      "The payment that pays the loan off on `date` (today when left out): all principal not yet repaid and late fees, the interest of installments due by then, and the interest the running period has accrued by then (its interest × days elapsed / days in the period, rounded half-up).",
  })
  async payoffQuote(
    @Root() loan: Loan,
    @Ctx() context: RequestContext,
    @Arg("date", () => String, { nullable: true }) date: string | null,
  ): Promise<LoanPayoffQuote> {
    const on = date === null ? this.deps.today() : calendarDate(date, "date");
    const rows = await context.loaders.get(this.deps.loaders.installments).load(loan.id);
    const closed = loan.status === LoanStatus.PAID_OFF || loan.status === LoanStatus.WRITTEN_OFF;
    const quote = closed
      ? { feeMinor: 0n, interestMinor: 0n, principalMinor: 0n, totalMinor: 0n }
      : payoffOn(
          loan.outstandingPrincipalMinor,
          loan.startDate,
          rows.filter((row) => row.status !== "PAID"),
          on,
        );
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency: loan.currency });
    return Object.assign(new LoanPayoffQuote(), {
      date: on,
      fees: money(quote.feeMinor),
      interest: money(quote.interestMinor),
      principal: money(quote.principalMinor),
      total: money(quote.totalMinor),
    });
  }
}
