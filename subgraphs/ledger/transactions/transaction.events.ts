import { topicName } from "../../../platform/events/index.js";
import type { PostingEntity } from "./posting.entity.js";
import type { TransactionEntity } from "./transaction.entity.js";

export const TRANSACTION_TOPIC = topicName("ledger", "transaction");

/**
 * The transaction as it stands, in `TransactionPosted`, `TransactionDeleted`, `TransactionRestored`
 * and both sides of `TransactionUpdated` (v1). Amounts are strings of minor units (JSON has no
 * bigint). `splits` are the category lines signed like the transaction (empty for transfers);
 * `description` repeats `payee` for consumers of the first slice's payload.
 */
export interface TransactionSnapshotV1 {
  transactionId: string;
  userId: string;
  kind: string;
  accountId: string;
  amountMinor: string;
  currency: string;
  counterAccountId: string | null;
  counterAmountMinor: string | null;
  counterCurrency: string | null;
  date: string;
  payee: string;
  description: string;
  notes: string;
  tags: string[];
  status: string;
  categoryId: string | null;
  /** Category lines signed like the transaction; `baseAmountMinor` in the user's base currency. */
  splits: Array<{ categoryId: string | null; amountMinor: string; baseAmountMinor: string | null }>;
  deleted: boolean;
  /** The user's base currency, and the amount in it at the transaction day's rate (null without one). */
  baseCurrency: string | null;
  baseAmountMinor: string | null;
}

export interface TransactionUpdatedV1 {
  transactionId: string;
  userId: string;
  before: TransactionSnapshotV1;
  after: TransactionSnapshotV1;
}

export function transactionSnapshot(t: TransactionEntity, legs: readonly Pick<PostingEntity, "role" | "categoryId" | "amountMinor">[]): TransactionSnapshotV1 {
  const splits = legs.filter((l) => l.role === "CATEGORY").map((l) => ({ categoryId: l.categoryId, amountMinor: (-l.amountMinor).toString(), baseAmountMinor: null as string | null }));
  return {
    transactionId: t.id,
    userId: t.userId,
    kind: t.kind,
    accountId: t.accountId,
    amountMinor: t.amountMinor.toString(),
    currency: t.currency,
    counterAccountId: t.counterAccountId,
    counterAmountMinor: t.counterAmountMinor?.toString() ?? null,
    counterCurrency: t.counterCurrency,
    date: t.date,
    payee: t.payee,
    description: t.payee,
    notes: t.notes,
    tags: t.tags,
    status: t.status,
    categoryId: splits.length === 1 ? splits[0]!.categoryId : null,
    splits,
    deleted: t.deletedAt !== null,
    // Filled in by BaseAmounts just before publishing.
    baseCurrency: null,
    baseAmountMinor: null,
  };
}
