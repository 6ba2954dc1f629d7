import { BILL_DUE, type LedgerBillEvents } from "../../../../schema/events/ledger.js";
import type { NotificationSource } from "./notification-source.js";

/** ledger.bill.v1: a scheduled bill is coming up. */
export const ledgerBillsSource: NotificationSource<LedgerBillEvents> = {
  [BILL_DUE]: ({ data: b }) => [
    {
      userId: b.userId,
      kind: "BILL_DUE",
      data: {
        scheduleId: b.scheduleId,
        accountId: b.accountId,
        payee: b.payee,
        dueDate: b.dueDate,
        amountMinor: b.amountMinor,
        currency: b.currency,
      },
    },
  ],
};
