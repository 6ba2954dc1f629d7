import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";

/** A ledger transaction as insights keeps it. Amounts signed like the ledger's (money out negative). */
export interface InsightTransaction {
  id: string;
  userId: string;
  kind: "INCOME" | "EXPENSE" | "TRANSFER";
  accountId: string;
  date: string;
  payee: string;
  merchantKey: string;
  notes: string;
  /** Null for a split or an uncategorised transaction. */
  categoryId: string | null;
  amountMinor: bigint;
  currency: string;
  /** In the user's base currency; null without a rate for the day. */
  baseAmountMinor: bigint | null;
  counterAccountId: string | null;
  counterAmountMinor: bigint | null;
}

/** One category line (a split is a line) of an income or expense, in the base currency. */
export interface InsightLine {
  transactionId: string;
  line: number;
  userId: string;
  kind: "INCOME" | "EXPENSE";
  date: string;
  categoryId: string | null;
  merchantKey: string;
  baseAmountMinor: bigint | null;
}

const big = (v: string | null | undefined) => (v === null || v === undefined ? null : BigInt(v));
const KINDS = new Set(["INCOME", "EXPENSE", "TRANSFER"]);

/** The transaction and its lines as the snapshot states them; nothing for a deleted one. */
export function fromSnapshot(
  s: TransactionSnapshotV1,
  merchantKey: (payee: string) => string,
): { transaction: InsightTransaction; lines: InsightLine[] } | null {
  if (s.deleted || !KINDS.has(s.kind)) return null;
  const kind = s.kind as InsightTransaction["kind"];
  const key = merchantKey(s.payee);
  const transaction: InsightTransaction = {
    id: s.transactionId,
    userId: s.userId,
    kind,
    accountId: s.accountId,
    date: s.date,
    payee: s.payee,
    merchantKey: key,
    notes: s.notes,
    categoryId: s.splits.length === 1 ? (s.splits[0]!.categoryId ?? null) : s.splits.length === 0 ? s.categoryId : null,
    amountMinor: BigInt(s.amountMinor),
    currency: s.currency,
    baseAmountMinor: big(s.baseAmountMinor),
    counterAccountId: s.counterAccountId,
    counterAmountMinor: big(s.counterAmountMinor),
  };
  const lines: InsightLine[] =
    kind === "TRANSFER"
      ? []
      : s.splits.map((split, line) => ({
          transactionId: s.transactionId,
          line,
          userId: s.userId,
          kind,
          date: s.date,
          categoryId: split.categoryId,
          merchantKey: key,
          baseAmountMinor: big(split.baseAmountMinor),
        }));
  return { transaction, lines };
}
