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

  /** {@link markDirty} for many users in one statement (each once: ON CONFLICT DO UPDATE may not touch a row twice). */
  async markManyDirty(manager: EntityManager, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(
      `INSERT INTO insights.anomaly_scans (user_id, dirty) SELECT DISTINCT u, true FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id) DO UPDATE SET dirty = true WHERE NOT insights.anomaly_scans.dirty`,
      [userIds],
    );
  }

  /**
   * Takes one user waiting for a scan off the list, in its own short transaction, so consumers
   * marking that user again are never held up by the scan itself (they mark it for the next pass).
   */
  async claimDirty(): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ user_id: string }> = await manager.query(
        `SELECT user_id FROM insights.anomaly_scans WHERE dirty ORDER BY user_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return null;
      await manager.query(`UPDATE insights.anomaly_scans SET dirty = false WHERE user_id = $1`, [row.user_id]);
      return row.user_id;
    });
  }

  async scanned(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE insights.anomaly_scans SET scanned_at = $2 WHERE user_id = $1`, [userId, at]);
  }

  /**
   * Stores the anomalies not seen before; returns those this call stored, with their new ids. Two
   * scans of one user at once (one claimed it, a consumer marked it again, another instance took
   * it) store and return each key once between them.
   */
  async addNew(manager: EntityManager, userId: string, found: readonly Anomaly[], at: Date): Promise<Array<Anomaly & { id: string }>> {
    const stored: Array<Anomaly & { id: string }> = [];
    for (const a of found) {
      const id = this.ids.next();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO insights.anomalies (id, user_id, key, kind, explanation, transaction_ids, date, detected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
        [id, userId, a.key, a.kind, a.explanation, a.transactionIds, a.date, at],
      );
      if (inserted.length > 0) stored.push({ ...a, id });
    }
    return stored;
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
