import type { EntityManager } from "typeorm";

import { CategoryEntity } from "../categories/category.entity.js";
import type { EntryInput } from "../transactions/transaction.writer.js";
import type { ParsedRow } from "./parsing/index.js";

/** The user's categories by lower-cased name and by "parent:child". */
export type CategoryNames = Map<string, string>;

export async function categoryNames(manager: EntityManager, userId: string): Promise<CategoryNames> {
  const categories = await manager.find(CategoryEntity, { where: { userId }, select: { id: true, name: true, parentId: true } });
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names: CategoryNames = new Map();
  for (const category of categories) {
    const parent = category.parentId ? byId.get(category.parentId) : undefined;
    if (parent) names.set(`${parent.name}:${category.name}`.toLowerCase(), category.id);
    // A bare name matches a top-level category first; a subcategory only when no top-level one has it.
    const bare = category.name.toLowerCase();
    if (!parent || !names.has(bare)) names.set(bare, category.id);
  }
  return names;
}

/**
 * The entry fields a file may state beyond date, amount, payee and memo (QIF categories, splits,
 * cleared status). A category the user does not have is left to rules and the categorizer rather
 * than created: imports never add categories behind the user's back.
 */
export function rowFields(row: ParsedRow, currency: string, names: CategoryNames | undefined): Partial<EntryInput> {
  const find = (name: string | null | undefined) => (name ? (names?.get(name.trim().toLowerCase()) ?? null) : null);
  const fields: Partial<EntryInput> = {};
  if (row.status) fields.status = row.status;
  if (row.splits && row.splits.length > 0) {
    fields.splits = row.splits.map((split) => ({
      categoryId: find(split.category),
      amount: { amountMinor: split.amountMinor, currency },
      memo: [split.category && !find(split.category) ? split.category : null, split.memo].filter(Boolean).join(" · ") || null,
    }));
  } else {
    const categoryId = find(row.category);
    if (categoryId) fields.categoryId = categoryId;
  }
  return fields;
}
