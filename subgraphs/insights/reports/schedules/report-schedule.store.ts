import type { DataSource, EntityManager } from "typeorm";

import type { ReportFormat, ReportKind } from "../report.model.js";

export interface ReportSchedule {
  id: string;
  userId: string;
  kind: ReportKind;
  format: ReportFormat;
  dayOfMonth: number;
  createdAt: Date;
}

interface Row {
  id: string;
  user_id: string;
  kind: string;
  format: string;
  day_of_month: number;
  created_at: Date | string;
}

const fromRow = (r: Row): ReportSchedule => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as ReportKind,
  format: r.format as ReportFormat,
  dayOfMonth: Number(r.day_of_month),
  createdAt: new Date(r.created_at),
});

/** Monthly report schedules (`insights.report_schedules`), filtered by owner. */
export class ReportScheduleStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises a user's schedule writes (released at commit) and counts their schedules. */
  async lockAndCount(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('insights.report_schedules:' || $1))`, [userId]);
    const rows: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM insights.report_schedules WHERE user_id = $1`, [
      userId,
    ]);
    return rows[0]!.n;
  }

  async insert(manager: EntityManager, s: ReportSchedule): Promise<void> {
    await manager.query(
      `INSERT INTO insights.report_schedules (id, user_id, kind, format, day_of_month, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.id, s.userId, s.kind, s.format, s.dayOfMonth, s.createdAt],
    );
  }

  async get(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<ReportSchedule | null> {
    const rows: Row[] = await manager.query(`SELECT * FROM insights.report_schedules WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async list(userId: string): Promise<ReportSchedule[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT * FROM insights.report_schedules WHERE user_id = $1 ORDER BY created_at, id`, [
      userId,
    ]);
    return rows.map(fromRow);
  }

  /** Every schedule due on or before its day this month, with the owner's time zone: what a pass looks at. */
  async candidates(afterId: string | null, limit: number): Promise<Array<ReportSchedule & { timezone: string }>> {
    const rows: Array<Row & { timezone: string | null }> = await this.dataSource.query(
      `SELECT s.*, u.timezone FROM insights.report_schedules s LEFT JOIN insights.user_settings u ON u.user_id = s.user_id
       WHERE ($1::uuid IS NULL OR s.id > $1) ORDER BY s.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => ({ ...fromRow(r), timezone: r.timezone ?? "UTC" }));
  }

  async delete(manager: EntityManager, userId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH gone AS (DELETE FROM insights.report_schedules WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.report_schedules WHERE user_id = $1`, [userId]);
  }
}
