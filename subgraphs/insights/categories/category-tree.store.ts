import type { DataSource, EntityManager } from "typeorm";

import type { CategorySnapshotV1 } from "../../../schema/events/ledger.js";

export interface InsightCategory {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
}

/** The ledger's category tree as insights knows it (from `ledger.category.v1`): names, and subcategories to roll up. */
export class CategoryTreeStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, c: CategorySnapshotV1): Promise<void> {
    await manager.query(
      `INSERT INTO insights.categories (id, user_id, parent_id, name, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [c.categoryId, c.userId, c.parentId, c.name, c.kind],
    );
  }

  /** As the ledger did: a merged category's children move under the target, and the source is gone. */
  async remove(manager: EntityManager, userId: string, sourceId: string, targetId: string | null): Promise<void> {
    await manager.query(`UPDATE insights.categories SET parent_id = $3 WHERE user_id = $1 AND parent_id = $2`, [
      userId,
      sourceId,
      targetId,
    ]);
    await manager.query(`DELETE FROM insights.categories WHERE user_id = $1 AND id = $2`, [userId, sourceId]);
  }

  async list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<InsightCategory[]> {
    const rows: Array<{ id: string; parent_id: string | null; name: string; kind: string }> = await manager.query(
      `SELECT id, parent_id, name, kind FROM insights.categories WHERE user_id = $1 ORDER BY name, id`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.categories WHERE user_id = $1`, [userId]);
  }
}
