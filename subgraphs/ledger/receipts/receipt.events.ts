import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { LEDGER_RECEIPT_TOPIC, RECEIPT_UPDATED, type ReceiptUpdatedV1 } from "../../../schema/events/ledger.js";
import type { ReceiptEntity } from "./receipt.entity.js";

/** `ReceiptUpdated` in the write's transaction: live subscribers re-read the receipt (null once deleted). */
export async function announceReceipt(outbox: Outbox, manager: EntityManager, traceId: string, receipt: ReceiptEntity): Promise<void> {
  const data: ReceiptUpdatedV1 = { id: receipt.id, userId: receipt.userId };
  await outbox.add(manager, traceId, [{ topic: LEDGER_RECEIPT_TOPIC, type: RECEIPT_UPDATED, key: receipt.userId, data }]);
}
