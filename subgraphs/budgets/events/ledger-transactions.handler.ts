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
import type { SpendingLineEntity } from "../spending/spending-line.entity.js";
import { linesOf } from "../spending/spending-lines.js";
import { finalLines } from "./ledger-transactions.batch.js";

/**
 * Keeps each transaction's lines as the ledger last described it, then lets budgets react. Every
 * event carries the whole transaction, so applying one is "replace its lines": idempotent in
 * itself, and exactly once through the inbox. (The consumer name differs from the one that kept
 * no lines, so it replays the topic from the beginning and rebuilds every line.)
 *
 * A batch writes only each transaction's last version (two statements for the whole batch) and
 * re-checks each user's budgets once: re-checking after every event was most of what this
 * consumer spent, and kept it at ~46 events/s behind a ledger writing ~80/s. Budgets are
 * re-evaluated on the batch's final state: a threshold the batch crosses fires once (with the spent
 * figure after the batch); one crossed and uncrossed within the same batch (spent, then deleted
 * milliseconds later) fires nothing, as if both writes had been one.
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
    async handleBatch(events, manager) {
      const transactions = finalLines(events);
      const before = await spending.replaceMany(manager, transactions);
      // Per user (a partition holds many): every line before and since; what budgets publish carries
      // the trace of one of the user's events (the last of the transaction seen last).
      const changed = new Map<string, { lines: SpendingLineEntity[]; traceId: string }>();
      for (const t of transactions) {
        const user = changed.get(t.userId) ?? changed.set(t.userId, { lines: [], traceId: t.traceId }).get(t.userId)!;
        user.lines.push(...t.seen);
        user.traceId = t.traceId;
      }
      // Each line removed belongs to one of the batch's transactions, so its user is in the map.
      for (const line of before) changed.get(line.userId)!.lines.push(line);
      for (const [userId, { lines, traceId }] of changed) await budgets.afterSpendingChanged(manager, userId, lines, traceId);
    },
  };
}
