import { BANK_CONNECTION_NEEDS_ATTENTION, type LedgerBankEvents } from "../../../../schema/events/ledger.js";
import type { NotificationSource } from "./notification-source.js";

/** ledger.bank.v1: the bank refused a connection's stored access; only its owner can reconnect it. */
export const ledgerBankSource: NotificationSource<LedgerBankEvents> = {
  [BANK_CONNECTION_NEEDS_ATTENTION]: ({ data: c }) => [
    {
      userId: c.userId,
      kind: "BANK_CONNECTION_NEEDS_ATTENTION",
      data: { connectionId: c.connectionId, institution: c.institution, reason: c.reason },
    },
  ],
};
