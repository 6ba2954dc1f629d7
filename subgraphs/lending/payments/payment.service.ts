import { Decimal } from "decimal.js";
import { type DataSource, In, Not } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { calendarDate, type Clock, type IdGenerator, isUuid, utcDay } from "../../../platform/time/index.js";
import type { LoanLedgerPostingV1 } from "../../../schema/events/lending.js";
import { InstallmentEntity } from "../installments/installment.entity.js";
import { installmentRows } from "../installments/installment-state.js";
import { LoanEntity } from "../loans/loan.entity.js";
import { loanClosed } from "../loans/loan.errors.js";
import { insertInstallments, type LoanService } from "../loans/loan.service.js";
import type { LoanEvents } from "../loans/loan-events.js";
import { loanSnapshot } from "../loans/loan-snapshot.js";
import { PaymentEntity } from "./payment.entity.js";
import { paymentPlan } from "./payment-plan.js";

export interface PaymentRequest {
  loanId: string;
  /** Positive, in the loan's currency. */
  amount: Money;
  date: string;
  /** One of the user's own ledger accounts, in the loan's currency: money out on a BORROWED loan, in on a LENT one. */
  ledgerAccountId?: string | null;
  idempotencyKey?: string | null;
}

/** Payments on loans: each applied under the loan's row lock, so two at once see each other. */
export class PaymentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly loans: LoanService,
    private readonly accounts: LedgerAccountsReadModel,
    private readonly events: LoanEvents,
  ) {}

  async record(userId: string, input: PaymentRequest, traceId: string): Promise<{ payment: PaymentEntity; loan: LoanEntity }> {
    const date = calendarDate(input.date, "date");
    if (input.amount.amountMinor <= 0n) throw badInput("amount must be positive", { field: "amount" });
    assertIdempotencyKey(input.idempotencyKey);
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.loans.locked(manager, userId, input.loanId);
      const id = this.ids.next();
      const keyed = { ...input, amount: { minor: input.amount.amountMinor, currency: input.amount.currency }, idempotencyKey: null };
      const replayOf = await this.idempotency.claim(manager, userId, input.idempotencyKey, "recordLoanPayment", keyed, id);
      if (replayOf) return { payment: await manager.findOneByOrFail(PaymentEntity, { id: replayOf, userId }), loan };
      if (loan.status === "PAID_OFF" || loan.status === "WRITTEN_OFF") throw loanClosed(loan.status);
      if (input.amount.currency !== loan.currency) throw badInput(`the loan is in ${loan.currency}`, { field: "amount.currency" });
      if (date < loan.startDate) throw badInput(`date is before the loan started, ${loan.startDate}`, { field: "date" });
      if (date > utcDay(this.clock.now())) throw badInput("date is in the future", { field: "date" });
      let accountId: string | null = null;
      if (input.ledgerAccountId !== null && input.ledgerAccountId !== undefined) {
        const account = await this.accounts.requireLinkable(manager, userId, input.ledgerAccountId, "ledgerAccountId");
        if (account.currency !== loan.currency)
          throw badInput(`the account is in ${account.currency}, the loan in ${loan.currency}`, { field: "ledgerAccountId" });
        accountId = account.id;
      }

      const open = await manager.find(InstallmentEntity, { where: { loanId: loan.id, status: Not("PAID") }, order: { number: "ASC" } });
      const plan = paymentPlan(
        {
          currency: loan.currency,
          outstandingPrincipalMinor: loan.outstandingPrincipalMinor,
          annualRatePercent: new Decimal(loan.annualRatePercent),
          startDate: loan.startDate,
          method: loan.method,
          prepaymentStrategy: loan.prepaymentStrategy,
          installmentMinor: loan.installmentMinor,
        },
        open,
        input.amount.amountMinor,
        date,
      );
      for (const row of plan.updated) {
        await manager.update(
          InstallmentEntity,
          { loanId: loan.id, number: row.number },
          {
            paymentMinor: row.paymentMinor,
            interestMinor: row.interestMinor,
            balanceMinor: row.balanceMinor,
            paidLateFeeMinor: row.paidLateFeeMinor,
            paidInterestMinor: row.paidInterestMinor,
            paidPrincipalMinor: row.paidPrincipalMinor,
            status: row.status,
            paidOn: row.paidOn,
          },
        );
      }
      if (plan.rescheduled) {
        const gone = open.filter((row) => row.number >= plan.rescheduled!.fromNumber).map((row) => row.number);
        await manager.delete(InstallmentEntity, { loanId: loan.id, number: In(gone) });
        await insertInstallments(manager, installmentRows(loan.id, userId, plan.rescheduled.rows));
      }
      Object.assign(loan, {
        outstandingPrincipalMinor: plan.outstandingPrincipalMinor,
        prepaidMinor: loan.prepaidMinor + plan.prepaymentMinor,
        installmentMinor: plan.installmentMinor,
        updatedAt: this.clock.now(),
      });
      const { totalInterestMinor } = await this.loans.settleStatus(manager, loan, date);
      await manager.update(
        LoanEntity,
        { id: loan.id, userId },
        {
          outstandingPrincipalMinor: loan.outstandingPrincipalMinor,
          prepaidMinor: loan.prepaidMinor,
          installmentMinor: loan.installmentMinor,
          status: loan.status,
          paidOffOn: loan.paidOffOn,
          updatedAt: loan.updatedAt,
        },
      );

      const payment = Object.assign(new PaymentEntity(), {
        id,
        userId,
        loanId: loan.id,
        amountMinor: input.amount.amountMinor,
        date,
        feeMinor: plan.feeMinor,
        interestMinor: plan.interestMinor,
        principalMinor: plan.principalMinor,
        prepaymentMinor: plan.prepaymentMinor,
        allocation: plan.applied.map((a) => ({
          number: a.number,
          fee: a.feeMinor.toString(),
          interest: a.interestMinor.toString(),
          principal: a.principalMinor.toString(),
        })),
        ledgerAccountId: accountId,
        createdAt: this.clock.now(),
      } satisfies PaymentEntity);
      await manager.insert(PaymentEntity, payment);
      const posting: LoanLedgerPostingV1 | null =
        accountId === null
          ? null
          : {
              userId,
              accountId,
              amountMinor: (loan.direction === "BORROWED" ? -payment.amountMinor : payment.amountMinor).toString(),
              currency: loan.currency,
              date,
              description: `Loan payment: ${loan.name}`,
              direction: loan.direction,
              principalMinor: (payment.principalMinor + payment.prepaymentMinor).toString(),
              interestMinor: payment.interestMinor.toString(),
              feeMinor: payment.feeMinor.toString(),
            };
      await this.events.paymentRecorded(
        manager,
        traceId,
        loan,
        {
          loanId: loan.id,
          paymentId: id,
          userId,
          amountMinor: payment.amountMinor.toString(),
          currency: loan.currency,
          date,
          feeMinor: payment.feeMinor.toString(),
          interestMinor: payment.interestMinor.toString(),
          principalMinor: payment.principalMinor.toString(),
          prepaymentMinor: payment.prepaymentMinor.toString(),
          loan: loanSnapshot(loan),
          posting,
        },
        totalInterestMinor,
      );
      return { payment, loan };
    });
  }

  /** The caller's payments on `loanIds`, oldest first. */
  async forLoans(userId: string, loanIds: readonly string[]): Promise<PaymentEntity[]> {
    const valid = loanIds.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource
      .getRepository(PaymentEntity)
      .find({ where: { userId, loanId: In(valid) }, order: { date: "ASC", createdAt: "ASC", id: "ASC" } });
  }
}
