import type { DataSource, EntityManager } from "typeorm";

import { type ReportFormat, type ReportKind, type ReportRecord, ReportStatus } from "./report.model.js";

const COLUMNS = `id, user_id, kind, format, to_char(date_from, 'YYYY-MM-DD') AS date_from, to_char(date_to, 'YYYY-MM-DD') AS date_to, status,
  progress::float8 AS progress, error, storage_key, content_type, filename, size_bytes::text AS size_bytes, schedule_id, schedule_month,
  created_at, ready_at, expires_at`;

interface Row {
  id: string;
  user_id: string;
  kind: string;
  format: string;
  date_from: string;
  date_to: string;
  status: string;
  progress: number;
  error: string | null;
  storage_key: string | null;
  content_type: string | null;
  filename: string | null;
  size_bytes: string | null;
  schedule_id: string | null;
  schedule_month: string | null;
  created_at: Date | string;
  ready_at: Date | string | null;
  expires_at: Date | string | null;
}

const instant = (v: Date | string | null) => (v === null ? null : new Date(v));

const fromRow = (r: Row): ReportRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as ReportKind,
  format: r.format as ReportFormat,
  from: r.date_from,
  to: r.date_to,
  status: r.status as ReportStatus,
  progress: Number(r.progress),
  error: r.error,
  storageKey: r.storage_key,
  contentType: r.content_type,
  filename: r.filename,
  sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  scheduleId: r.schedule_id,
  scheduleMonth: r.schedule_month,
  createdAt: new Date(r.created_at),
  readyAt: instant(r.ready_at),
  expiresAt: instant(r.expires_at),
});

export interface NewReport {
  id: string;
  userId: string;
  kind: ReportKind;
  format: ReportFormat;
  from: string;
  to: string;
  scheduleId: string | null;
  scheduleMonth: string | null;
  createdAt: Date;
}

/** `insights.reports`: every read and write filtered by the owner's id. */
export class ReportStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a QUEUED report; false when the schedule already has its report for that month. */
  async insert(manager: EntityManager, r: NewReport): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO insights.reports (id, user_id, kind, format, date_from, date_to, status, schedule_id, schedule_month, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'QUEUED', $7, $8, $9) ON CONFLICT (schedule_id, schedule_month) DO NOTHING RETURNING id`,
      [r.id, r.userId, r.kind, r.format, r.from, r.to, r.scheduleId, r.scheduleMonth, r.createdAt],
    );
    return rows.length > 0;
  }

  /** Serialises a user's report requests (released at commit) and counts those still waiting or running. */
  async lockAndCountPending(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('insights.reports:' || $1))`, [userId]);
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM insights.reports WHERE user_id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [userId],
    );
    return rows[0]!.n;
  }

  async get(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<ReportRecord | null> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM insights.reports WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  /** Newest first, after the (created_at, id) of `after`. */
  async page(userId: string, first: number, after: { createdAt: Date; id: string } | null): Promise<ReportRecord[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM insights.reports WHERE user_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [userId, after?.createdAt ?? null, after?.id ?? null, first],
    );
    return rows.map(fromRow);
  }

  async setStatus(manager: EntityManager, id: string, status: ReportStatus, progress: number, error: string | null = null): Promise<void> {
    await manager.query(`UPDATE insights.reports SET status = $2, progress = $3, error = $4 WHERE id = $1`, [id, status, progress, error]);
  }

  async setProgress(manager: EntityManager, id: string, progress: number): Promise<void> {
    await manager.query(`UPDATE insights.reports SET progress = $2 WHERE id = $1`, [id, progress]);
  }

  async setReady(
    manager: EntityManager,
    id: string,
    file: { storageKey: string; contentType: string; filename: string; sizeBytes: number },
    readyAt: Date,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE insights.reports SET status = 'READY', progress = 1, error = NULL, storage_key = $2, content_type = $3, filename = $4,
         size_bytes = $5, ready_at = $6, expires_at = $7 WHERE id = $1`,
      [id, file.storageKey, file.contentType, file.filename, file.sizeBytes, readyAt, expiresAt],
    );
  }

  /** READY reports whose file is past its time, oldest first, locked for the expiry pass. */
  async lockExpired(
    manager: EntityManager,
    now: Date,
    limit: number,
  ): Promise<Array<{ id: string; userId: string; storageKey: string | null }>> {
    const rows: Array<{ id: string; user_id: string; storage_key: string | null }> = await manager.query(
      `SELECT id, user_id, storage_key FROM insights.reports WHERE status = 'READY' AND expires_at <= $1
       ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id, storageKey: r.storage_key }));
  }

  async markExpired(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE insights.reports SET status = '${ReportStatus.EXPIRED}', storage_key = NULL WHERE id = $1`, [id]);
  }

  /** Deletes the user's reports; returns the files they had, for the caller to delete. */
  async purgeUser(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: Array<{ storage_key: string | null }> = await manager.query(
      `SELECT storage_key FROM insights.reports WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    await manager.query(`DELETE FROM insights.reports WHERE user_id = $1`, [userId]);
    return rows.flatMap((r) => (r.storage_key ? [r.storage_key] : []));
  }
}
