import { type DataSource, type EntityManager, In } from "typeorm";

import { badInput, notFound } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { CategorySnapshotV1 } from "../../../schema/events/ledger.js";
import { BudgetCategoryEntity } from "./budget-category.entity.js";

export class CategoryTreeService {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, c: CategorySnapshotV1): Promise<void> {
    await manager.query(
      `INSERT INTO budgets.categories (id, user_id, parent_id, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, kind = EXCLUDED.kind`,
      [c.categoryId, c.userId, c.parentId, c.kind],
    );
  }

  /** As the ledger did: a merged category's children move under the target; the source is gone. */
  async remove(manager: EntityManager, userId: string, sourceId: string, targetId: string | null): Promise<void> {
    if (targetId) await manager.update(BudgetCategoryEntity, { userId, parentId: sourceId }, { parentId: targetId });
    await manager.delete(BudgetCategoryEntity, { userId, id: sourceId });
  }

  /** Checks a budget's categories: the caller's (NOT_FOUND otherwise) and expense ones. */
  async requireExpenseCategories(manager: EntityManager, userId: string, ids: readonly string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (!unique.every(isUuid)) throw notFound("category (categoryIds)");
    const found = await manager.findBy(BudgetCategoryEntity, { userId, id: In(unique) });
    if (found.length !== unique.length) throw notFound("category (categoryIds)");
    if (found.some((c) => c.kind !== "EXPENSE")) throw badInput("a budget covers expense categories", { field: "categoryIds" });
  }

  /** The user's parent → children map, to widen many budgets' categories with one statement. */
  async childrenByParent(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const rows: Array<{ id: string; parent_id: string }> = await manager.query(
      `SELECT id, parent_id FROM budgets.categories WHERE user_id = $1 AND parent_id IS NOT NULL`,
      [userId],
    );
    const children = new Map<string, string[]>();
    for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
    return children;
  }

  /** The given categories and their subcategories, as they are now (a subcategory added later counts too). */
  async withChildren(userId: string, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM budgets.categories WHERE user_id = $1 AND (id = ANY($2::uuid[]) OR parent_id = ANY($2::uuid[]))`,
      [userId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** The caller's categories among `ids`, in one statement (entity references are batched). */
  findOwned(userId: string, ids: readonly string[]): Promise<BudgetCategoryEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(BudgetCategoryEntity).findBy({ userId, id: In(valid) });
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(BudgetCategoryEntity, { userId });
  }
}
