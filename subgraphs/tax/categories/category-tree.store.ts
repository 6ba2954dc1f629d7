import type { DataSource, EntityManager } from "typeorm";

import type { CategorySnapshotV1 } from "../../../schema/events/ledger.js";

export interface TaxCategoryRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
}

/** The ledger's category tree as tax knows it (from `ledger.category.v1`): names and kinds decide default treatments. */
export class CategoryTreeStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, c: CategorySnapshotV1): Promise<void> {
    await manager.query(
      `INSERT INTO tax.categories (id, user_id, parent_id, name, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [c.categoryId, c.userId, c.parentId, c.name, c.kind],
    );
  }

  /** As the ledger did: a merged category's children move under the target, and the source is gone. */
  async remove(manager: EntityManager, userId: string, sourceId: string, targetId: string | null): Promise<void> {
    if (targetId)
      await manager.query(`UPDATE tax.categories SET parent_id = $3 WHERE user_id = $1 AND parent_id = $2`, [userId, sourceId, targetId]);
    else await manager.query(`UPDATE tax.categories SET parent_id = NULL WHERE user_id = $1 AND parent_id = $2`, [userId, sourceId]);
    await manager.query(`DELETE FROM tax.categories WHERE user_id = $1 AND id = $2`, [userId, sourceId]);
  }

  /** The user's whole tree (a few hundred rows at most), by name. */
  async list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<TaxCategoryRow[]> {
    const rows: Array<{ id: string; parent_id: string | null; name: string; kind: string }> = await manager.query(
      `SELECT id, parent_id, name, kind FROM tax.categories WHERE user_id = $1 ORDER BY name, id`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.categories WHERE user_id = $1`, [userId]);
  }
}
