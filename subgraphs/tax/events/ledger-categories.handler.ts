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
import type { EstimateStore } from "../estimates/estimate.store.js";
import type { LedgerLineStore } from "../ledger-lines/ledger-line.store.js";
import type { TaxProfileService } from "../profiles/profile.service.js";

/**
 * The ledger's category tree. A category's name, kind and place decide its default treatment, so
 * any change marks every year of the user for a new estimate; a merged or deleted category's lines
 * move to the target (or become uncategorised) and its own treatments go with it.
 */
export function ledgerCategoriesConsumer(
  tree: LedgerCategoryTree,
  lines: LedgerLineStore,
  profiles: TaxProfileService,
  estimates: EstimateStore,
): ConsumerDefinition<LedgerCategoryEvents> {
  const upsert: EventHandler<CategorySnapshotV1> = async (event, manager) => {
    await tree.upsert(manager, event.data);
    await estimates.markAllDirty(manager, event.data.userId);
  };
  const moved: EventHandler<CategoryMovedV1> = async (event, manager) => {
    const { userId, sourceId, targetId } = event.data;
    await lines.moveCategory(manager, userId, sourceId, targetId);
    await tree.remove(manager, userId, sourceId, targetId);
    await profiles.forgetCategory(manager, userId, sourceId);
    await estimates.markAllDirty(manager, userId);
  };
  return {
    name: "tax-ledger-categories",
    topics: [LEDGER_CATEGORY_TOPIC],
    handlers: { [CATEGORY_CREATED]: upsert, [CATEGORY_UPDATED]: upsert, [CATEGORIES_MERGED]: moved, [CATEGORY_DELETED]: moved },
  };
}
