import type { ConsumedEvent } from "../../../platform/events/index.js";
import {
  type LedgerTransactionEvents,
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
  type TransactionSnapshotV1,
} from "../../../schema/events/ledger.js";
import type { SpendingLineEntity } from "../spending/spending-line.entity.js";
import { linesOf } from "../spending/spending-lines.js";

/** Where one transaction stands after a batch of its events. */
export interface FinalLines {
  userId: string;
  transactionId: string;
  /** The lines of its last event: what the per-event handlers would have left. */
  lines: SpendingLineEntity[];
  /**
   * Every line any of its events described, the final ones included: budgets an intermediate
   * version touched are re-checked as they were when each event was applied on its own.
   */
  seen: SpendingLineEntity[];
  /** The trace of its last event, for what budgets publish about it. */
  traceId: string;
}

/** The lines one event leaves its transaction with (a deletion leaves none). */
function linesAfter(event: ConsumedEvent<LedgerTransactionEvents>): { snapshot: TransactionSnapshotV1; lines: SpendingLineEntity[] } {
  switch (event.type) {
    case TRANSACTION_POSTED:
    case TRANSACTION_RESTORED:
      return { snapshot: event.data, lines: linesOf(event.data) };
    case TRANSACTION_UPDATED:
      return { snapshot: event.data.after, lines: linesOf(event.data.after) };
    case TRANSACTION_DELETED:
      return { snapshot: event.data, lines: [] };
  }
}

/**
 * Folds a batch of ledger transaction events, in partition order, into each transaction's final
 * lines: every event carries the whole transaction, so its last event alone decides its lines.
 * Pure; transactions come out in the order their first event came in.
 */
export function finalLines(events: ReadonlyArray<ConsumedEvent<LedgerTransactionEvents>>): FinalLines[] {
  const byTransaction = new Map<string, FinalLines>();
  for (const event of events) {
    const { snapshot, lines } = linesAfter(event);
    const known = byTransaction.get(snapshot.transactionId);
    if (known) {
      known.lines = lines;
      known.seen.push(...lines);
      known.traceId = event.traceId;
    } else {
      byTransaction.set(snapshot.transactionId, {
        userId: snapshot.userId,
        transactionId: snapshot.transactionId,
        lines,
        seen: [...lines],
        traceId: event.traceId,
      });
    }
  }
  return [...byTransaction.values()];
}
