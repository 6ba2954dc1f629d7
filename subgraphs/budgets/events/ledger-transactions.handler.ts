import type { EntityManager } from "typeorm";

import type { ConsumerDefinition } from "../../../platform/events/index.js";
import {
  LEDGER_TRANSACTION_TOPIC,
  type LedgerTransactionEvents,
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
  type TransactionSnapshotV1,
} from "../../../schema/events/ledger.js";
import type { BudgetService } from "../budgets/budget.service.js";
import type { SpendingService } from "../spending/spending.service.js";
import { linesOf } from "../spending/spending-lines.js";

/**
 * Keeps each transaction's lines as the ledger last described it, then lets budgets react. Every
 * event carries the whole transaction, so applying one is "replace its lines": idempotent in
 * itself, and exactly once through the inbox. (The consumer name differs from the one that kept
 * no lines, so it replays the topic from the beginning and rebuilds every line.)
 */
export function ledgerTransactionsConsumer(spending: SpendingService, budgets: BudgetService): ConsumerDefinition<LedgerTransactionEvents> {
  const replaceWith = async (manager: EntityManager, snapshot: TransactionSnapshotV1, traceId: string, remove = false): Promise<void> => {
    const lines = remove ? [] : linesOf(snapshot);
    const before = await spending.replace(manager, snapshot.userId, snapshot.transactionId, lines);
    await budgets.afterSpendingChanged(manager, snapshot.userId, [...before, ...lines], traceId);
  };
  return {
    name: "ledger-lines",
    topics: [LEDGER_TRANSACTION_TOPIC],
    handlers: {
      [TRANSACTION_POSTED]: (event, manager) => replaceWith(manager, event.data, event.traceId),
      [TRANSACTION_RESTORED]: (event, manager) => replaceWith(manager, event.data, event.traceId),
      [TRANSACTION_UPDATED]: (event, manager) => replaceWith(manager, event.data.after, event.traceId),
      [TRANSACTION_DELETED]: (event, manager) => replaceWith(manager, event.data, event.traceId, true),
    },
  };
}
