import type { ConsumerDefinition, EventHandler } from "../../../../platform/events/index.js";
import {
  LEDGER_TRANSACTION_TOPIC,
  type LedgerTransactionEvents,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  type TransactionSnapshotV1,
} from "../../../../schema/events/ledger.js";
import type { AutoSaveService } from "../auto-save.service.js";

export const AUTO_SAVE_CONSUMER = "goals-auto-save";

/**
 * Income recorded in the ledger feeds the user's auto-save rules. A restored transaction is offered
 * again, and the goal takes it only if it has not already (the movement is unique per transaction).
 */
export function autoSaveConsumer(autoSave: AutoSaveService): ConsumerDefinition<LedgerTransactionEvents> {
  const onIncome: EventHandler<TransactionSnapshotV1> = async (event, manager) => {
    await autoSave.applyIncome(manager, event.data, event.traceId);
  };
  return {
    name: AUTO_SAVE_CONSUMER,
    topics: [LEDGER_TRANSACTION_TOPIC],
    handlers: { [TRANSACTION_POSTED]: onIncome, [TRANSACTION_RESTORED]: onIncome },
  };
}
