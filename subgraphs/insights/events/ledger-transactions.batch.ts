import type { ConsumedEvent } from "../../../platform/events/index.js";
import { type LedgerTransactionEvents, TRANSACTION_POSTED, type TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { versionAfter } from "../../../schema/events/ledger-transaction-versions.js";
import { fromSnapshot, type InsightLine, type InsightTransaction } from "../transactions/insight-transaction.js";
import type { TransactionReplacement } from "../transactions/transaction.store.js";

export interface TransactionChange {
  before: InsightTransaction | null;
  now: InsightTransaction | null;
  /** A new transaction (not an edit, a restore or a replay of one already kept). */
  posted: boolean;
  /** Rules set fields of it (its category then teaches the categorizer less than a choice of the user's). */
  fromRule: boolean;
  /** Its category is a suggestion the ledger applied and the user has not confirmed: it teaches nothing. */
  suggested: boolean;
}

/** A change and the trace of the event that made it. */
export interface TracedChange {
  change: TransactionChange;
  traceId: string;
}

/** The change an event makes: from `before` (what was kept) to `now`, described by its `snapshot`. */
export function changeOf(
  before: InsightTransaction | null,
  now: InsightTransaction | null,
  snapshot: TransactionSnapshotV1,
  posted: boolean,
  replaying: boolean,
): TransactionChange {
  return {
    before,
    now,
    // A rebuild replays old posts: nothing in it is new (no suggestion is announced again).
    posted: posted && before === null && !replaying,
    fromRule: (snapshot.appliedRuleIds?.length ?? 0) > 0,
    suggested: snapshot.categorySuggested === true,
  };
}

/** What one event of a batch leaves its transaction as (null: deleted, or nothing insights keeps). */
export interface BatchVersion {
  event: ConsumedEvent<LedgerTransactionEvents>;
  snapshot: TransactionSnapshotV1;
  now: { transaction: InsightTransaction; lines: InsightLine[] } | null;
}

export function versionsOf(
  events: ReadonlyArray<ConsumedEvent<LedgerTransactionEvents>>,
  merchantKey: (payee: string) => string,
): BatchVersion[] {
  return events.map((event) => {
    const { snapshot, removed } = versionAfter(event);
    return { event, snapshot, now: removed ? null : fromSnapshot(snapshot, merchantKey) };
  });
}

/** Each transaction's last version, what the store keeps after the batch; in the order of their first event. */
export function lastVersions(versions: readonly BatchVersion[]): TransactionReplacement[] {
  const last = new Map<string, TransactionReplacement>();
  for (const { snapshot, now } of versions) last.set(snapshot.transactionId, { userId: snapshot.userId, id: snapshot.transactionId, now });
  return [...last.values()];
}

/**
 * The changes the batch's events make one by one, in order: an event's `before` is what the
 * previous event of its transaction left, the `stored` row (kept before the batch) for its first.
 * So a post then an update of one transaction in one batch are a post, then an edit. Pure.
 */
export function changesOf(
  versions: readonly BatchVersion[],
  stored: ReadonlyMap<string, InsightTransaction>,
  replaying: boolean,
): TracedChange[] {
  const current = new Map<string, InsightTransaction | null>(stored);
  return versions.map(({ event, snapshot, now }) => {
    const before = current.get(snapshot.transactionId) ?? null;
    const transaction = now?.transaction ?? null;
    current.set(snapshot.transactionId, transaction);
    return { change: changeOf(before, transaction, snapshot, event.type === TRANSACTION_POSTED, replaying), traceId: event.traceId };
  });
}
