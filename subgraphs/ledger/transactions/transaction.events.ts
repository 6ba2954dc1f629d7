import type { ContractEvent } from "../../../platform/events/index.js";
import type { LedgerTransactionEvents, TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import type { PostingEntity } from "./posting.entity.js";
import type { TransactionEntity } from "./transaction.entity.js";

/** One `ledger.transaction.v1` event as the ledger builds it: a type and the payload that type carries. */
export type TransactionEvent = ContractEvent<LedgerTransactionEvents>;

/**
 * The transaction as `ledger.transaction.v1` carries it (contract: schema/events/ledger.ts). The
 * base amounts stay null here: the publisher fills them in just before the outbox.
 */
export function transactionSnapshot(
  t: TransactionEntity,
  legs: readonly Pick<PostingEntity, "role" | "categoryId" | "amountMinor">[],
): TransactionSnapshotV1 {
  const splits = legs
    .filter((l) => l.role === "CATEGORY")
    .map((l) => ({ categoryId: l.categoryId, amountMinor: (-l.amountMinor).toString(), baseAmountMinor: null as string | null }));
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
    appliedRuleIds: t.appliedRuleIds,
    categorySuggested: t.suggestedCategoryId !== null,
    source: t.source,
    // Filled in by BaseAmounts just before publishing.
    baseCurrency: null,
    baseAmountMinor: null,
  };
}
