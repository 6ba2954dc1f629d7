import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import {
  INSTALLMENT_DUE,
  INSTALLMENT_OVERDUE,
  type InstallmentDueV1,
  LENDING_INSTALLMENT_TOPIC,
  LENDING_LOAN_TOPIC,
  LOAN_CREATED,
  LOAN_PAID_OFF,
  LOAN_PAYMENT_RECORDED,
  LOAN_WRITTEN_OFF,
  type LoanPaymentRecordedV1,
} from "../../../schema/events/lending.js";
import type { InstallmentEntity } from "../installments/installment.entity.js";
import { unpaidTotal } from "../installments/installment-state.js";
import type { LoanEntity } from "./loan.entity.js";
import { loanSnapshotWithSchedule } from "./loan-snapshot.js";

/** Announces loan changes through the outbox, in the writer's transaction; key = user id. */
export class LoanEvents {
  /** `today`: the day snapshots list the upcoming installments from. */
  constructor(
    private readonly outbox: Outbox,
    private readonly today: () => string,
  ) {}

  async created(manager: EntityManager, traceId: string, loan: LoanEntity): Promise<void> {
    await this.outbox.add(manager, traceId, [
      {
        topic: LENDING_LOAN_TOPIC,
        type: LOAN_CREATED,
        key: loan.userId,
        data: await loanSnapshotWithSchedule(manager, loan, this.today()),
      },
    ]);
  }

  async writtenOff(manager: EntityManager, traceId: string, loan: LoanEntity): Promise<void> {
    await this.outbox.add(manager, traceId, [
      {
        topic: LENDING_LOAN_TOPIC,
        type: LOAN_WRITTEN_OFF,
        key: loan.userId,
        data: await loanSnapshotWithSchedule(manager, loan, this.today()),
      },
    ]);
  }

  /** The payment (its snapshot with the schedule as the payment left it), and LoanPaidOff with it when it paid the last of the loan. */
  async paymentRecorded(
    manager: EntityManager,
    traceId: string,
    loan: LoanEntity,
    payment: LoanPaymentRecordedV1,
    totalInterestMinor: bigint,
  ) {
    await this.outbox.add(manager, traceId, [
      {
        topic: LENDING_LOAN_TOPIC,
        type: LOAN_PAYMENT_RECORDED,
        key: loan.userId,
        data: { ...payment, loan: await loanSnapshotWithSchedule(manager, loan, this.today()) },
      },
      ...(loan.status === "PAID_OFF"
        ? [
            {
              topic: LENDING_INSTALLMENT_TOPIC,
              type: LOAN_PAID_OFF,
              key: loan.userId,
              data: {
                loanId: loan.id,
                userId: loan.userId,
                contactId: loan.contactId,
                direction: loan.direction,
                date: payment.date,
                currency: loan.currency,
                totalInterestMinor: totalInterestMinor.toString(),
              },
            } as const,
          ]
        : []),
    ]);
  }

  /** Installment notices, written together: the overdue job adds a batch of loans' notices in one statement. */
  async installmentNotices(manager: EntityManager, traceId: string, notices: readonly InstallmentNotice[]): Promise<void> {
    await this.outbox.add(
      manager,
      traceId,
      notices.map(({ kind, loan, row }) =>
        kind === "DUE"
          ? { topic: LENDING_INSTALLMENT_TOPIC, type: INSTALLMENT_DUE, key: loan.userId, data: installmentNotice(loan, row) }
          : {
              topic: LENDING_INSTALLMENT_TOPIC,
              type: INSTALLMENT_OVERDUE,
              key: loan.userId,
              data: { ...installmentNotice(loan, row), lateFeeMinor: row.lateFeeMinor.toString() },
            },
      ),
    );
  }
}

/** InstallmentDue or InstallmentOverdue for one installment, as it stands once marked. */
export interface InstallmentNotice {
  kind: "DUE" | "OVERDUE";
  loan: LoanEntity;
  row: InstallmentEntity;
}

const installmentNotice = (loan: LoanEntity, row: InstallmentEntity): InstallmentDueV1 => ({
  loanId: loan.id,
  userId: loan.userId,
  contactId: loan.contactId,
  direction: loan.direction,
  number: row.number,
  dueDate: row.dueDate,
  amountMinor: unpaidTotal(row).toString(),
  currency: loan.currency,
});
