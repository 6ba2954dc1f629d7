import DataLoader from "dataloader";

import type { LoaderFactory } from "../../../platform/graphql/index.js";
import type { ReceiptEntity } from "./receipt.entity.js";
import type { ReceiptService } from "./receipt.service.js";

/** The receipts attached to every transaction on a page, in one query scoped to the caller. */
export const receiptsByTransactionLoader =
  (receipts: ReceiptService): LoaderFactory<string, ReceiptEntity[]> =>
  (caller) =>
    new DataLoader<string, ReceiptEntity[], string>(async (ids) => {
      const rows = caller.userId ? await receipts.attachedTo(caller.userId, ids) : [];
      const byTransaction = new Map<string, ReceiptEntity[]>();
      for (const row of rows) byTransaction.set(row.transactionId!, [...(byTransaction.get(row.transactionId!) ?? []), row]);
      return ids.map((id) => byTransaction.get(id) ?? []);
    });
