import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
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
import type { BudgetService } from "../budgets/budget.service.js";
import type { CategoryTreeService } from "../categories/category-tree.service.js";
import type { SpendingService } from "../spending/spending.service.js";

/** The ledger's category tree, and merges/deletions moving spending and budgets in one step. */
export function ledgerCategoriesConsumer(
  tree: CategoryTreeService,
  spending: SpendingService,
  budgets: BudgetService,
): ConsumerDefinition<LedgerCategoryEvents> {
  const upsert: EventHandler<CategorySnapshotV1> = (event, manager) => tree.upsert(manager, event.data);
  const moved: EventHandler<CategoryMovedV1> = async (event, manager) => {
    const { userId, sourceId, targetId } = event.data;
    await spending.moveCategory(manager, userId, sourceId, targetId);
    await tree.remove(manager, userId, sourceId, targetId);
    await budgets.moveCategory(manager, userId, sourceId, targetId, event.traceId);
  };
  return {
    name: "ledger-categories",
    topics: [LEDGER_CATEGORY_TOPIC],
    handlers: { [CATEGORY_CREATED]: upsert, [CATEGORY_UPDATED]: upsert, [CATEGORIES_MERGED]: moved, [CATEGORY_DELETED]: moved },
  };
}
