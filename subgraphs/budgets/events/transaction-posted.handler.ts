import type { EventHandler } from "../../../platform/events/index.js";
import type { SpendingService } from "../spending/spending.service.js";
import type { TransactionPostedV1 } from "./ledger-events.js";

export function onTransactionPosted(spending: SpendingService): EventHandler<TransactionPostedV1> {
  return async (event, manager) => {
    const { userId, date, amountMinor, currency, kind } = event.data;
    if (kind === "TRANSFER") return;
    await spending.record(manager, { userId, date, amountMinor: BigInt(amountMinor), currency });
  };
}
