import type { DataSource, EntityManager } from "typeorm";

import type { CategorySnapshotV1 } from "../../schema/events/ledger.js";
import { checkedSchema } from "./schema-name.js";

/** A category of the ledger's tree as another subgraph keeps it. */
export interface LedgerCategory {
  id: string;
  parentId: string | null;
  name: string;
  /** INCOME or EXPENSE. */
  kind: string;
}

/** The table a subgraph's migration creates for its copy of the tree (`<schema>.categories`). */
export function ledgerCategoriesTableSql(schema: string): string[] {
  const s = checkedSchema(schema);
  return [
    `CREATE TABLE ${s}.categories (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        parent_id uuid,
        name text NOT NULL,
        kind text NOT NULL
      )`,
    `CREATE INDEX categories_user ON ${s}.categories (user_id)`,
  ];
}

/**
 * A subgraph's copy of each user's category tree, fed by `ledger.category.v1` (names, kinds and
 * parents: what tax's treatments and insights' roll-ups read). The subgraph's own consumer applies
 * the events, since what else moves with a merged category (its lines, its treatments) is its own.
 */
export class LedgerCategoryTree {
  private readonly table: string;

  constructor(
    schema: string,
    private readonly dataSource: DataSource,
  ) {
    this.table = `${checkedSchema(schema)}.categories`;
  }

  async upsert(manager: EntityManager, c: CategorySnapshotV1): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, user_id, parent_id, name, kind) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, name = EXCLUDED.name, kind = EXCLUDED.kind
       WHERE ${this.table}.user_id = EXCLUDED.user_id`,
      [c.categoryId, c.userId, c.parentId, c.name, c.kind],
    );
  }

  /** As the ledger did: a merged category's children move under the target (top level when deleted), and the source is gone. */
  async remove(manager: EntityManager, userId: string, sourceId: string, targetId: string | null): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET parent_id = $3 WHERE user_id = $1 AND parent_id = $2`, [userId, sourceId, targetId]);
    await manager.query(`DELETE FROM ${this.table} WHERE user_id = $1 AND id = $2`, [userId, sourceId]);
  }

  /** The user's whole tree (a few hundred rows at most), by name. */
  async list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<LedgerCategory[]> {
    const rows: Array<{ id: string; parent_id: string | null; name: string; kind: string }> = await manager.query(
      `SELECT id, parent_id, name, kind FROM ${this.table} WHERE user_id = $1 ORDER BY name, id`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE user_id = $1`, [userId]);
  }
}
