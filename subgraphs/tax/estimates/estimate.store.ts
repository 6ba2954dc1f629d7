import type { DataSource, EntityManager } from "typeorm";

import { queryPrepared } from "../../../platform/db/index.js";
import { yearsOf } from "../ledger-lines/ledger-lines.js";

/** The estimate last announced for a user's year. */
export interface StoredEstimate {
  userId: string;
  year: number;
  revision: string | null;
  estimatedTaxMinor: bigint | null;
  withheldMinor: bigint | null;
  leftToPayMinor: bigint | null;
}

/**
 * Which user-years need a new estimate. Consumers only mark a year dirty inside their inbox
 * transaction (cheap, so an import of thousands of transactions is not thousands of
 * recomputations); the estimate job recomputes each dirty year once.
 */
export class EstimateStore {
  constructor(private readonly dataSource: DataSource) {}

  async markDirty(manager: EntityManager, userId: string, dates: Iterable<string>): Promise<void> {
    await this.markYearsDirty(manager, userId, yearsOf(dates));
  }

  async markYearsDirty(manager: EntityManager, userId: string, years: number[]): Promise<void> {
    if (years.length === 0) return;
    await manager.query(
      `INSERT INTO tax.estimates (user_id, year, dirty) SELECT $1, y, true FROM unnest($2::int[]) AS y
       ON CONFLICT (user_id, year) DO UPDATE SET dirty = true WHERE NOT tax.estimates.dirty`,
      [userId, years],
    );
  }

  /**
   * {@link markDirty} for many users in one statement (a consumer's batch): each user's years of
   * the dates given for them. Each user-year goes in once: ON CONFLICT DO UPDATE may not touch a
   * row twice in one statement.
   */
  async markManyDirty(manager: EntityManager, dates: ReadonlyArray<{ userId: string; date: string }>): Promise<void> {
    const pairs = new Map<string, { userId: string; year: number }>();
    for (const { userId, date } of dates) {
      const year = Number(date.slice(0, 4));
      pairs.set(`${userId} ${year}`, { userId, year });
    }
    if (pairs.size === 0) return;
    await queryPrepared(
      manager,
      `INSERT INTO tax.estimates (user_id, year, dirty) SELECT u, y, true FROM unnest($1::uuid[], $2::int[]) AS t(u, y)
       ON CONFLICT (user_id, year) DO UPDATE SET dirty = true WHERE NOT tax.estimates.dirty`,
      [[...pairs.values()].map((p) => p.userId), [...pairs.values()].map((p) => p.year)],
    );
  }

  /** A change that can move every year's figures (a category renamed, merged or deleted). */
  async markAllDirty(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE tax.estimates SET dirty = true WHERE user_id = $1 AND NOT dirty`, [userId]);
  }

  /** Claims one dirty year no other instance is working on, locked until the caller's transaction ends. */
  async claimDirty(manager: EntityManager): Promise<StoredEstimate | null> {
    const rows: Array<Record<string, string | number | null>> = await manager.query(
      `SELECT user_id, year, revision, estimated_tax_minor::text AS tax, withheld_minor::text AS withheld, left_to_pay_minor::text AS left
       FROM tax.estimates WHERE dirty ORDER BY user_id, year LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    const r = rows[0];
    if (!r) return null;
    const big = (v: string | number | null | undefined) => (v === null || v === undefined ? null : BigInt(v));
    return {
      userId: String(r.user_id),
      year: Number(r.year),
      revision: r.revision === null ? null : String(r.revision),
      estimatedTaxMinor: big(r.tax),
      withheldMinor: big(r.withheld),
      leftToPayMinor: big(r.left),
    };
  }

  /** Stores what the job computed (null figures: the year has no tax table) and clears the mark. */
  async settle(manager: EntityManager, e: StoredEstimate & { currency: string | null }, at: Date): Promise<void> {
    await manager.query(
      `UPDATE tax.estimates SET dirty = false, revision = $3, currency = $4, estimated_tax_minor = $5, withheld_minor = $6,
              left_to_pay_minor = $7, computed_at = $8
       WHERE user_id = $1 AND year = $2`,
      [
        e.userId,
        e.year,
        e.revision,
        e.currency,
        e.estimatedTaxMinor?.toString() ?? null,
        e.withheldMinor?.toString() ?? null,
        e.leftToPayMinor?.toString() ?? null,
        at,
      ],
    );
  }

  /** How many years wait for a new estimate (the job's backlog; tests wait for 0). */
  async pending(): Promise<number> {
    const [row]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM tax.estimates WHERE dirty`);
    return row?.n ?? 0;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.estimates WHERE user_id = $1`, [userId]);
  }
}
