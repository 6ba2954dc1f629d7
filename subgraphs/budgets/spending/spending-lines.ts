import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { SpendingLineEntity } from "./spending-line.entity.js";

/**
 * The lines a transaction contributes to budgets: one per split of an income or expense that is
 * not deleted; none for a transfer. Pure, so the reconciliation replays ledger history through
 * exactly this.
 */
export function linesOf(snapshot: TransactionSnapshotV1): SpendingLineEntity[] {
  if (snapshot.kind === "TRANSFER" || snapshot.deleted) return [];
  return snapshot.splits.map((split, line) =>
    Object.assign(new SpendingLineEntity(), {
      transactionId: snapshot.transactionId,
      line,
      userId: snapshot.userId,
      kind: snapshot.kind,
      categoryId: split.categoryId,
      date: snapshot.date,
      amountMinor: BigInt(split.amountMinor),
      currency: snapshot.currency,
      baseAmountMinor: split.baseAmountMinor === null || split.baseAmountMinor === undefined ? null : BigInt(split.baseAmountMinor),
    }),
  );
}
