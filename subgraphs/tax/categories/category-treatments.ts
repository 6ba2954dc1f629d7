import type { EntityManager } from "typeorm";

import { treatmentsFor } from "../summary/category-treatment.js";
import type { CategoryTreatment } from "../summary/year-summary.js";
import type { CategoryTreeStore, TaxCategoryRow } from "./category-tree.store.js";

export interface TreatedCategoryRow extends TaxCategoryRow {
  treatment: CategoryTreatment;
  /** Set by the user on this very category. */
  chosen: boolean;
}

/** Every category of the user with the treatment it has under a profile's overrides. */
export async function treatedCategories(
  tree: CategoryTreeStore,
  userId: string,
  overrides: ReadonlyMap<string, CategoryTreatment>,
  manager?: EntityManager,
): Promise<TreatedCategoryRow[]> {
  const categories = await tree.list(userId, manager);
  const treatments = treatmentsFor(categories, overrides);
  return categories.map((c) => ({ ...c, treatment: treatments.get(c.id) ?? "NONE", chosen: overrides.has(c.id) }));
}
