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
import type { EstimateStore } from "../estimates/estimate.store.js";
import type { LedgerLineStore } from "../ledger-lines/ledger-line.store.js";
import { ledgerLinesOf } from "../ledger-lines/ledger-lines.js";
import { taxLinesAfter } from "./ledger-transactions.batch.js";

/**
 * Keeps each ledger transaction's lines as the ledger last described it, and marks the years it
 * was and is in for a new estimate (a backdated edit moves money between years).
 *
 * A batch writes only each transaction's last version and marks every year any of its versions
 * was in: three statements for the whole batch, where the handlers run three or four per event
 * (which kept this consumer at ~195 events/s behind a ledger writing ~220/s).
 */
export function ledgerTransactionsConsumer(lines: LedgerLineStore, estimates: EstimateStore): ConsumerDefinition<LedgerTransactionEvents> {
  const replaceWith = async (manager: EntityManager, snapshot: TransactionSnapshotV1, remove = false): Promise<void> => {
    const now = remove ? [] : ledgerLinesOf(snapshot);
    const before = await lines.replace(manager, snapshot.userId, snapshot.transactionId, now);
    if (before.length > 0 || now.length > 0) await estimates.markDirty(manager, snapshot.userId, [...before, ...now.map((l) => l.date)]);
  };
  return {
    name: "tax-ledger-lines",
    topics: [LEDGER_TRANSACTION_TOPIC],
    handlers: {
      [TRANSACTION_POSTED]: (event, manager) => replaceWith(manager, event.data),
      [TRANSACTION_RESTORED]: (event, manager) => replaceWith(manager, event.data),
      [TRANSACTION_UPDATED]: (event, manager) => replaceWith(manager, event.data.after),
      [TRANSACTION_DELETED]: (event, manager) => replaceWith(manager, event.data, true),
    },
    async handleBatch(events, manager) {
      const transactions = taxLinesAfter(events);
      const before = await lines.replaceMany(manager, transactions);
      // One by one, each event marks the years of the lines it replaced and of its own: over the
      // batch that is the years of the lines there were before it and of every version it carried.
      const dates = transactions.flatMap((t) => t.seen.map((l) => ({ userId: l.userId, date: l.date })));
      await estimates.markManyDirty(manager, [...before, ...dates]);
    },
  };
}
