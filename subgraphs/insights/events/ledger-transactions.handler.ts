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
import { fromSnapshot } from "../transactions/insight-transaction.js";
import type { TransactionStore } from "../transactions/transaction.store.js";
import { changeOf, changesOf, lastVersions, type TracedChange, type TransactionChange, versionsOf } from "./ledger-transactions.batch.js";

export type { TracedChange, TransactionChange } from "./ledger-transactions.batch.js";

/**
 * What else happens when a transaction changes, in the same inbox transaction (the categorizer
 * learns, anomalies are looked for). Reactions keep to their own tables and do not read the
 * transactions the store keeps: so a batch's store writes may come first, and one reaction may
 * take all of a batch's changes before the next.
 */
export interface TransactionReaction {
  react(manager: EntityManager, change: TransactionChange, traceId: string): Promise<void>;
  /**
   * Optional: a batch's changes, in the order they happened, with fewer statements. Must leave what
   * `react` on each change in turn leaves; without it, the consumer calls `react` on each.
   */
  reactMany?(manager: EntityManager, changes: readonly TracedChange[]): Promise<void>;
}

/**
 * Keeps each ledger transaction as the ledger last described it (every event carries it whole, so
 * applying one is "replace it"), then lets the learners react to the change.
 *
 * A batch writes each transaction's last version only (three statements for the whole batch) and
 * hands the reactions the very changes its events make one by one (see `changesOf`), which they
 * may apply with fewer statements (`reactMany`). One by one, this consumer ran six statements per
 * event and kept up with ~175 of the ledger's ~220 events/s.
 */
export function ledgerTransactionsConsumer(
  store: TransactionStore,
  merchantKey: (payee: string) => string,
  reactions: readonly TransactionReaction[],
  options: { replaying?: boolean } = {},
): ConsumerDefinition<LedgerTransactionEvents> {
  const replaying = options.replaying ?? false;
  const apply = async (manager: EntityManager, snapshot: TransactionSnapshotV1, traceId: string, posted = false, remove = false) => {
    const now = remove ? null : fromSnapshot(snapshot, merchantKey);
    const before = await store.replace(manager, snapshot.userId, snapshot.transactionId, now);
    const change = changeOf(before, now?.transaction ?? null, snapshot, posted, replaying);
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
    async handleBatch(events, manager) {
      const versions = versionsOf(events, merchantKey);
      const stored = await store.replaceMany(manager, lastVersions(versions));
      const changes = changesOf(versions, stored, replaying);
      for (const reaction of reactions) {
        if (reaction.reactMany) await reaction.reactMany(manager, changes);
        else for (const { change, traceId } of changes) await reaction.react(manager, change, traceId);
      }
    },
  };
}
