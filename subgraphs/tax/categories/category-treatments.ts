import type { EntityManager } from "typeorm";

import type { LedgerCategory, LedgerCategoryTree } from "../../../platform/read-models/index.js";
import { treatmentsFor } from "../summary/category-treatment.js";
import type { CategoryTreatment } from "../summary/year-summary.js";

export interface TreatedCategoryRow extends LedgerCategory {
  treatment: CategoryTreatment;
  /** Set by the user on this very category. */
  chosen: boolean;
}

/** Every category of the user with the treatment it has under a profile's overrides. */
export async function treatedCategories(
  tree: LedgerCategoryTree,
  userId: string,
  overrides: ReadonlyMap<string, CategoryTreatment>,
  manager?: EntityManager,
): Promise<TreatedCategoryRow[]> {
  const categories = await tree.list(userId, manager);
  const treatments = treatmentsFor(categories, overrides);
  return categories.map((c) => ({ ...c, treatment: treatments.get(c.id) ?? "NONE", chosen: overrides.has(c.id) }));
}
