import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";

/** One income or expense line of a ledger transaction (a split is a line), signed like the transaction. */
export interface LedgerLine {
  transactionId: string;
  line: number;
  userId: string;
  kind: "INCOME" | "EXPENSE";
  date: string;
  payee: string;
  categoryId: string | null;
  amountMinor: bigint;
  currency: string;
  baseAmountMinor: bigint | null;
  baseCurrency: string | null;
}

/** The lines a transaction contributes to tax: one per split of a live income or expense; none for a transfer. */
export function ledgerLinesOf(snapshot: TransactionSnapshotV1): LedgerLine[] {
  if (snapshot.deleted || (snapshot.kind !== "INCOME" && snapshot.kind !== "EXPENSE")) return [];
  const kind = snapshot.kind;
  return snapshot.splits.map((split, line) => ({
    transactionId: snapshot.transactionId,
    line,
    userId: snapshot.userId,
    kind,
    date: snapshot.date,
    payee: snapshot.payee,
    categoryId: split.categoryId,
    amountMinor: BigInt(split.amountMinor),
    currency: snapshot.currency,
    baseAmountMinor: split.baseAmountMinor === null || split.baseAmountMinor === undefined ? null : BigInt(split.baseAmountMinor),
    baseCurrency: snapshot.baseCurrency,
  }));
}

/** The tax years a set of lines falls in (calendar years; US tax years are calendar years). */
export const yearsOf = (dates: Iterable<string>): number[] => [...new Set([...dates].map((d) => Number(d.slice(0, 4))))];
