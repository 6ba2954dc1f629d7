import type { DataSource, EntityManager } from "typeorm";

import type { IdGenerator } from "../../../platform/time/index.js";
import type { Anomaly } from "./anomaly.js";

export interface StoredAnomaly {
  id: string;
  key: string;
  kind: string;
  explanation: string;
  transactionIds: string[];
  date: string;
  detectedAt: Date;
  dismissedAt: Date | null;
}

/** Anomalies found, one row per key (the same thing is never stored or announced twice), and who needs a new scan. */
export class AnomalyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ids: IdGenerator,
  ) {}

  async markDirty(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO insights.anomaly_scans (user_id, dirty) VALUES ($1, true) ON CONFLICT (user_id) DO UPDATE SET dirty = true WHERE NOT insights.anomaly_scans.dirty`,
      [userId],
    );
  }

  /** One user waiting for a scan that no other instance is scanning, locked until the caller's transaction ends. */
  async claimDirty(manager: EntityManager): Promise<string | null> {
    const [row]: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM insights.anomaly_scans WHERE dirty ORDER BY user_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return row?.user_id ?? null;
  }

  async settle(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE insights.anomaly_scans SET dirty = false, scanned_at = $2 WHERE user_id = $1`, [userId, at]);
  }

  /** Stores the anomalies not seen before; returns those it stored, with their new ids. */
  async addNew(manager: EntityManager, userId: string, found: readonly Anomaly[], at: Date): Promise<Array<Anomaly & { id: string }>> {
    if (found.length === 0) return [];
    const known: Array<{ key: string }> = await manager.query(
      `SELECT key FROM insights.anomalies WHERE user_id = $1 AND key = ANY($2::text[])`,
      [userId, found.map((a) => a.key)],
    );
    const seen = new Set(known.map((k) => k.key));
    const fresh = found.filter((a) => !seen.has(a.key)).map((a) => ({ ...a, id: this.ids.next() }));
    for (const a of fresh) {
      await manager.query(
        `INSERT INTO insights.anomalies (id, user_id, key, kind, explanation, transaction_ids, date, detected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (user_id, key) DO NOTHING`,
        [a.id, userId, a.key, a.kind, a.explanation, a.transactionIds, a.date, at],
      );
    }
    return fresh;
  }

  async list(userId: string, includeDismissed: boolean, first: number): Promise<StoredAnomaly[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, key, kind, explanation, transaction_ids, to_char(date, 'YYYY-MM-DD') AS date, detected_at, dismissed_at FROM insights.anomalies
       WHERE user_id = $1 AND ($2 OR dismissed_at IS NULL) ORDER BY date DESC, detected_at DESC, id LIMIT $3`,
      [userId, includeDismissed, first],
    );
    return rows.map(fromRow);
  }

  /** Dismisses one of the user's anomalies; null when it is not theirs (or not an id). */
  async dismiss(userId: string, id: string, at: Date): Promise<StoredAnomaly | null> {
    await this.dataSource.query(`UPDATE insights.anomalies SET dismissed_at = coalesce(dismissed_at, $3) WHERE user_id = $1 AND id = $2`, [
      userId,
      id,
      at,
    ]);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, key, kind, explanation, transaction_ids, to_char(date, 'YYYY-MM-DD') AS date, detected_at, dismissed_at FROM insights.anomalies
       WHERE user_id = $1 AND id = $2`,
      [userId, id],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.anomalies WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.anomaly_scans WHERE user_id = $1`, [userId]);
  }
}

const fromRow = (r: Record<string, unknown>): StoredAnomaly => ({
  id: String(r.id),
  key: String(r.key),
  kind: String(r.kind),
  explanation: String(r.explanation),
  transactionIds: r.transaction_ids as string[],
  date: String(r.date),
  detectedAt: new Date(r.detected_at as string),
  dismissedAt: r.dismissed_at === null ? null : new Date(r.dismissed_at as string),
});
