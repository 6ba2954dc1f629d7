import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import type { BudgetService } from "../budgets/budget.service.js";
import { linesOf } from "../spending/spending-lines.js";
import type { SpendingService } from "../spending/spending.service.js";
import { LEDGER_TRANSACTION_TOPIC, type TransactionSnapshotV1, type TransactionUpdatedV1 } from "./ledger-events.js";

/**
 * Keeps each transaction's lines as the ledger last described it, then lets budgets react. Every
 * event carries the whole transaction, so applying one is "replace its lines": idempotent in
 * itself, and exactly once through the inbox. (A new consumer name: it replays the topic from the
 * beginning, rebuilding the lines the first slice never kept.)
 */
export function ledgerTransactionsConsumer(spending: SpendingService, budgets: BudgetService): ConsumerDefinition {
  const replaceWith =
    (pick: (data: any) => TransactionSnapshotV1, remove = false): EventHandler =>
    async (event, manager) => {
      const snapshot = pick(event.data);
      const lines = remove ? [] : linesOf(snapshot);
      const before = await spending.replace(manager, snapshot.userId, snapshot.transactionId, lines);
      await budgets.afterSpendingChanged(manager, snapshot.userId, [...before, ...lines], event.traceId);
    };
  return {
    name: "ledger-lines",
    topics: [LEDGER_TRANSACTION_TOPIC],
    handlers: {
      TransactionPosted: replaceWith((d: TransactionSnapshotV1) => d),
      TransactionRestored: replaceWith((d: TransactionSnapshotV1) => d),
      TransactionUpdated: replaceWith((d: TransactionUpdatedV1) => d.after),
      TransactionDeleted: replaceWith((d: TransactionSnapshotV1) => d, true),
    },
  };
}
