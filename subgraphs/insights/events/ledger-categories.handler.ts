import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import {
  CATEGORIES_MERGED,
  CATEGORY_CREATED,
  CATEGORY_DELETED,
  CATEGORY_UPDATED,
  type CategoryMovedV1,
  type CategorySnapshotV1,
  LEDGER_CATEGORY_TOPIC,
  type LedgerCategoryEvents,
} from "../../../schema/events/ledger.js";
import type { TransactionStore } from "../transactions/transaction.store.js";

/** What else follows a category merged away or deleted (the categorizer moves what it learnt). */
export interface CategoryMoveReaction {
  categoryMoved(manager: Parameters<EventHandler<CategoryMovedV1>>[1], userId: string, from: string, to: string | null): Promise<void>;
}

/** The ledger's category tree; a merged or deleted category's lines move to the target (or become uncategorised). */
export function ledgerCategoriesConsumer(
  tree: LedgerCategoryTree,
  transactions: TransactionStore,
  reactions: readonly CategoryMoveReaction[],
): ConsumerDefinition<LedgerCategoryEvents> {
  const upsert: EventHandler<CategorySnapshotV1> = (event, manager) => tree.upsert(manager, event.data);
  const moved: EventHandler<CategoryMovedV1> = async (event, manager) => {
    const { userId, sourceId, targetId } = event.data;
    await transactions.moveCategory(manager, userId, sourceId, targetId);
    await tree.remove(manager, userId, sourceId, targetId);
    for (const reaction of reactions) await reaction.categoryMoved(manager, userId, sourceId, targetId);
  };
  return {
    name: "insights-ledger-categories",
    topics: [LEDGER_CATEGORY_TOPIC],
    handlers: { [CATEGORY_CREATED]: upsert, [CATEGORY_UPDATED]: upsert, [CATEGORIES_MERGED]: moved, [CATEGORY_DELETED]: moved },
  };
}
