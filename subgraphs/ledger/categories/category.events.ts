import { topicName } from "../../../platform/events/index.js";

export const CATEGORY_TOPIC = topicName("ledger", "category");

/**
 * `CategoriesMerged` v1: every posting of `sourceId` now belongs to `targetId` and the source is
 * gone. `CategoryDeleted` v1: the same, with `targetId` null meaning "uncategorised". Read models
 * keyed by category (budgets) move the spending in one step rather than per transaction.
 */
export interface CategoryMovedV1 {
  userId: string;
  sourceId: string;
  targetId: string | null;
}

/** `CategoryCreated` / `CategoryUpdated` v1. */
export interface CategorySnapshotV1 {
  categoryId: string;
  userId: string;
  parentId: string | null;
  name: string;
  kind: string;
}
