import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../../platform/errors/index.js";
import { isUuid } from "../../../../platform/time/index.js";
import type { NotificationChannelV1, NotificationKindV1 } from "../../../../schema/events/notifications.js";
import type { NotificationPriority } from "../kinds/notification-kinds.js";
import type { NotificationData } from "../templates/templates.js";

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKindV1;
  priority: NotificationPriority;
  data: NotificationData;
  createdAt: Date;
  readAt: Date | null;
}

export interface DeliveryAttempt {
  at: string;
  outcome: string;
  error?: string;
}

export interface DeliveryRecord {
  notificationId: string;
  channel: NotificationChannelV1;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  log: DeliveryAttempt[];
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKindV1;
  priority: NotificationPriority;
  data: NotificationData;
  created_at: Date;
  read_at: Date | null;
}

const fromRow = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  priority: r.priority,
  data: r.data,
  createdAt: r.created_at,
  readAt: r.read_at,
});

const COLUMNS = `id, user_id, kind, priority, data, created_at, read_at`;

export const encodeNotificationCursor = (n: NotificationRecord): string =>
  Buffer.from(JSON.stringify([n.createdAt.toISOString(), n.id])).toString("base64url");

function decodeCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && isUuid(id)) return [at, id];
  } catch {
    // any undecodable cursor is the client's mistake
  }
  throw badInput("after is not a cursor this API returned", { field: "after" });
}

/** The in-app inbox: every query filtered by the owner in SQL. */
export class NotificationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; one more row than asked tells whether a next page exists. */
  async page(
    userId: string,
    first: number,
    after: string | null,
    unreadOnly: boolean,
  ): Promise<{ rows: NotificationRecord[]; hasNextPage: boolean }> {
    const params: unknown[] = [userId, first + 1];
    let where = `user_id = $1 AND in_app`;
    if (unreadOnly) where += ` AND read_at IS NULL`;
    if (after) {
      const [at, id] = decodeCursor(after);
      params.push(at, id);
      where += ` AND (created_at, id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM insights.notifications WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return { rows: rows.slice(0, first).map(fromRow), hasNextPage: rows.length > first };
  }

  async find(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<NotificationRecord | null> {
    if (!isUuid(id)) return null;
    const [row]: NotificationRow[] = await manager.query(`SELECT ${COLUMNS} FROM insights.notifications WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ]);
    return row ? fromRow(row) : null;
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM insights.notifications WHERE user_id = $1 AND in_app AND read_at IS NULL`,
      [userId],
    );
    return row?.n ?? 0;
  }

  /**
   * Marks the given notifications (or all) read; returns how many were unread. An id that is not
   * the caller's is NOT_FOUND for the whole call, checked before anything changes.
   */
  async markRead(userId: string, ids: string[] | null, at: Date): Promise<number | "NOT_FOUND"> {
    return this.dataSource.transaction(async (manager) => {
      if (ids) {
        const unique = [...new Set(ids)];
        if (!unique.every(isUuid)) return "NOT_FOUND";
        const [found]: Array<{ n: number }> = await manager.query(
          `SELECT count(*)::int AS n FROM insights.notifications WHERE user_id = $1 AND id = ANY($2::uuid[]) AND in_app`,
          [userId, unique],
        );
        if (found!.n !== unique.length) return "NOT_FOUND";
      }
      const marked: unknown[] = await manager.query(
        `WITH marked AS (UPDATE insights.notifications SET read_at = $2
           WHERE user_id = $1 AND in_app AND read_at IS NULL ${ids ? "AND id = ANY($3::uuid[])" : ""} RETURNING 1)
         SELECT 1 FROM marked`,
        ids ? [userId, at, ids] : [userId, at],
      );
      return marked.length;
    });
  }

  /** Delivery logs of the caller's notifications, one row per channel. */
  async deliveries(userId: string, notificationIds: readonly string[]): Promise<DeliveryRecord[]> {
    const rows: Array<{
      notification_id: string;
      channel: NotificationChannelV1;
      status: string;
      attempts: number;
      next_attempt_at: Date | null;
      last_error: string | null;
      attempt_log: DeliveryAttempt[];
    }> = await this.dataSource.query(
      `SELECT notification_id, channel, status, attempts, next_attempt_at, last_error, attempt_log FROM insights.notification_deliveries
       WHERE user_id = $1 AND notification_id = ANY($2::uuid[]) ORDER BY channel`,
      [userId, notificationIds.filter(isUuid)],
    );
    return rows.map((r) => ({
      notificationId: r.notification_id,
      channel: r.channel,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      log: r.attempt_log,
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.notification_deliveries WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.notifications WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.notification_channel_health WHERE user_id = $1`, [userId]);
  }
}
