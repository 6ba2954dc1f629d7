import {
  type LedgerTransactionEvents,
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
  type TransactionSnapshotV1,
} from "./ledger.js";

/**
 * One event of the ledger's transaction topic as a consumer receives it: its type narrows `data`.
 * (Structurally the platform's LedgerTransactionEvent: contracts import no code.)
 */
export type LedgerTransactionEvent = {
  [Type in keyof LedgerTransactionEvents & string]: { type: Type; data: LedgerTransactionEvents[Type]; traceId: string };
}[keyof LedgerTransactionEvents & string];

/**
 * What one ledger transaction event leaves its transaction as: the whole transaction it carries
 * (an update's after side), and whether the transaction is gone (deleted).
 */
export function versionAfter(event: LedgerTransactionEvent): { snapshot: TransactionSnapshotV1; removed: boolean } {
  switch (event.type) {
    case TRANSACTION_POSTED:
    case TRANSACTION_RESTORED:
      return { snapshot: event.data, removed: false };
    case TRANSACTION_UPDATED:
      return { snapshot: event.data.after, removed: false };
    case TRANSACTION_DELETED:
      return { snapshot: event.data, removed: true };
  }
}

/** Where one transaction stands after a batch of its events, in a consumer's own lines. */
export interface FinalLines<Line> {
  userId: string;
  transactionId: string;
  /** The lines of its last event: what a consumer's per-event handlers would have left. */
  lines: Line[];
  /**
   * Every line any of its events described, the final ones included: what an intermediate version
   * touched (a budget, a tax year) is re-checked as when each event was applied on its own.
   */
  seen: Line[];
  /** The trace of its last event. */
  traceId: string;
}

/**
 * Folds a batch of ledger transaction events, in partition order, into each transaction's final
 * lines (`linesOf` a live snapshot; a deleted one has none): every event carries the whole
 * transaction, so its last event alone decides its lines. Pure; transactions come out in the
 * order their first event came in.
 */
export function finalLines<Line>(
  events: ReadonlyArray<LedgerTransactionEvent>,
  linesOf: (snapshot: TransactionSnapshotV1) => Line[],
): Array<FinalLines<Line>> {
  const byTransaction = new Map<string, FinalLines<Line>>();
  for (const event of events) {
    const { snapshot, removed } = versionAfter(event);
    const lines = removed ? [] : linesOf(snapshot);
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
