import type { DataSource, EntityManager } from "typeorm";

import type { AccountSnapshotV1 } from "../../../schema/events/ledger.js";

export interface InsightAccount {
  id: string;
  name: string;
  type: string;
  currency: string;
  openingBalanceMinor: bigint;
  openingDate: string;
  archived: boolean;
}

/** The ledger's accounts as insights knows them (from `ledger.account.v1`): balances start from the opening balance. */
export class AccountStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, a: AccountSnapshotV1): Promise<void> {
    await manager.query(
      `INSERT INTO insights.accounts (id, user_id, name, type, currency, opening_balance_minor, opening_date, archived)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, currency = EXCLUDED.currency,
         opening_balance_minor = EXCLUDED.opening_balance_minor, opening_date = EXCLUDED.opening_date, archived = EXCLUDED.archived
       WHERE insights.accounts.user_id = EXCLUDED.user_id`,
      [a.accountId, a.userId, a.name, a.type, a.currency, a.openingBalanceMinor, a.openingDate, a.archived],
    );
  }

  async list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<InsightAccount[]> {
    const rows: Array<Record<string, string | boolean>> = await manager.query(
      `SELECT id, name, type, currency, opening_balance_minor::text AS opening, to_char(opening_date, 'YYYY-MM-DD') AS opening_date, archived
       FROM insights.accounts WHERE user_id = $1 ORDER BY name, id`,
      [userId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      type: String(r.type),
      currency: String(r.currency).trim(),
      openingBalanceMinor: BigInt(String(r.opening)),
      openingDate: String(r.opening_date),
      archived: r.archived === true,
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.accounts WHERE user_id = $1`, [userId]);
  }
}
