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
import { fromSnapshot, type InsightTransaction } from "../transactions/insight-transaction.js";
import type { TransactionStore } from "../transactions/transaction.store.js";

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

/** What else happens when a transaction changes, in the same inbox transaction (the categorizer learns, anomalies are looked for). */
export interface TransactionReaction {
  react(manager: EntityManager, change: TransactionChange, traceId: string): Promise<void>;
}

/**
 * Keeps each ledger transaction as the ledger last described it (every event carries it whole, so
 * applying one is "replace it"), then lets the learners react to the change.
 */
export function ledgerTransactionsConsumer(
  store: TransactionStore,
  merchantKey: (payee: string) => string,
  reactions: readonly TransactionReaction[],
  options: { replaying?: boolean } = {},
): ConsumerDefinition<LedgerTransactionEvents> {
  const apply = async (manager: EntityManager, snapshot: TransactionSnapshotV1, traceId: string, posted = false, remove = false) => {
    const now = remove ? null : fromSnapshot(snapshot, merchantKey);
    const before = await store.replace(manager, snapshot.userId, snapshot.transactionId, now);
    const change: TransactionChange = {
      before,
      now: now?.transaction ?? null,
      // A rebuild replays old posts: nothing in it is new (no suggestion is announced again).
      posted: posted && before === null && !options.replaying,
      fromRule: (snapshot.appliedRuleIds?.length ?? 0) > 0,
      suggested: snapshot.categorySuggested === true,
    };
    for (const reaction of reactions) await reaction.react(manager, change, traceId);
  };
  return {
    name: "insights-ledger-transactions",
    topics: [LEDGER_TRANSACTION_TOPIC],
    handlers: {
      [TRANSACTION_POSTED]: (event, manager) => apply(manager, event.data, event.traceId, true),
      [TRANSACTION_RESTORED]: (event, manager) => apply(manager, event.data, event.traceId),
      [TRANSACTION_UPDATED]: (event, manager) => apply(manager, event.data.after, event.traceId),
      [TRANSACTION_DELETED]: (event, manager) => apply(manager, event.data, event.traceId, false, true),
    },
  };
}
