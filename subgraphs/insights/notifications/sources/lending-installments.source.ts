import { INSTALLMENT_DUE, INSTALLMENT_OVERDUE, type LendingInstallmentEvents } from "../../../../schema/events/lending.js";
import type { NotificationSource } from "./notification-source.js";

/** lending.installment.v1: an installment coming due, and one gone overdue (LoanPaidOff is not notified). */
export const lendingInstallmentsSource: NotificationSource<LendingInstallmentEvents> = {
  [INSTALLMENT_DUE]: ({ data: i }) => [
    {
      userId: i.userId,
      kind: "INSTALLMENT_DUE",
      data: {
        loanId: i.loanId,
        direction: i.direction,
        number: i.number,
        dueDate: i.dueDate,
        amountMinor: i.amountMinor,
        currency: i.currency,
      },
    },
  ],
  [INSTALLMENT_OVERDUE]: ({ data: i }) => [
    {
      userId: i.userId,
      kind: "INSTALLMENT_OVERDUE",
      data: {
        loanId: i.loanId,
        direction: i.direction,
        number: i.number,
        dueDate: i.dueDate,
        amountMinor: i.amountMinor,
        lateFeeMinor: i.lateFeeMinor,
        currency: i.currency,
      },
    },
  ],
};
