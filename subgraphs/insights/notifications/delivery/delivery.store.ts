import type { DataSource, EntityManager } from "typeorm";

import type { NotificationChannelV1, NotificationKindV1 } from "../../../../schema/events/notifications.js";
import type { NotificationData } from "../templates/templates.js";

/** A delivery this sender holds (status SENDING under its claim id until the lease ends). */
export interface ClaimedDelivery {
  id: string;
  notificationId: string;
  userId: string;
  channel: NotificationChannelV1;
  /** Counting this one. */
  attempts: number;
  /** SENDING: the previous holder's lease ran out before it recorded an outcome. */
  previous: "PENDING" | "WAITING" | "SENDING";
  kind: NotificationKindV1;
  data: NotificationData;
  createdAt: Date;
}

interface ClaimedRow {
  id: string;
  notification_id: string;
  user_id: string;
  channel: NotificationChannelV1;
  attempts: number;
  previous: ClaimedDelivery["previous"];
  kind: NotificationKindV1;
  data: NotificationData;
  created_at: Date;
}

const claimed = (r: ClaimedRow): ClaimedDelivery => ({
  id: r.id,
  notificationId: r.notification_id,
  userId: r.user_id,
  channel: r.channel,
  attempts: r.attempts,
  previous: r.previous,
  kind: r.kind,
  data: r.data,
  createdAt: r.created_at,
});

export interface LogEntry {
  at: string;
  outcome: string;
  error?: string;
}

const DUE = `status IN ('PENDING', 'WAITING', 'SENDING') AND next_attempt_at <= $1`;

/**
 * The delivery table's claims and outcomes. A claim is one UPDATE over rows picked with
 * FOR UPDATE SKIP LOCKED, so instances never pick the same row; the row then carries the claim id
 * and a lease (next_attempt_at) instead of a held transaction, so a slow SMTP server pins no
 * connection. Every outcome write checks the claim id: a sender whose lease ran out records nothing.
 */
export class DeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  private async claim(
    where: string,
    params: unknown[],
    claimId: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    const rows: ClaimedRow[] = await this.dataSource.query(
      `WITH due AS (
         SELECT id, status FROM insights.notification_deliveries WHERE ${DUE} AND ${where}
         ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED
       ), taken AS (
         UPDATE insights.notification_deliveries d
         SET status = 'SENDING', claim_id = $2, next_attempt_at = $3, attempts = d.attempts + 1, updated_at = $1
         FROM due WHERE d.id = due.id
         RETURNING d.id, d.notification_id, d.user_id, d.channel, d.attempts, due.status AS previous
       )
       SELECT t.*, n.kind, n.data, n.created_at FROM taken t JOIN insights.notifications n ON n.id = t.notification_id
       ORDER BY n.created_at, n.id`,
      [now, claimId, leaseUntil, limit, ...params],
    );
    return rows.map(claimed);
  }

  /** Due single deliveries, oldest due first. */
  claimDue(claimId: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.claim(`NOT digest`, [], claimId, now, leaseUntil, limit);
  }

  /** Users with a digest due. */
  async usersWithDigestDue(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM insights.notification_deliveries WHERE ${DUE} AND digest LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.user_id);
  }

  /** Every due digest delivery of one user (a digest is sent whole). */
  claimDigest(userId: string, claimId: string, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.claim(`digest AND user_id = $5 AND channel = 'EMAIL'`, [userId], claimId, now, leaseUntil, limit);
  }

  /** Writes an outcome if `claimId` still holds the row; false when it does not (lease lost). */
  async settle(
    manager: EntityManager,
    id: string,
    claimId: string,
    change: {
      status: string;
      nextAttemptAt: Date | null;
      digest?: boolean;
      attemptsDelta?: number;
      lastError: string | null;
      log: LogEntry[];
    },
    now: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH settled AS (
         UPDATE insights.notification_deliveries SET status = $3, next_attempt_at = $4, digest = COALESCE($5, digest),
           attempts = attempts + $6, last_error = $7, attempt_log = attempt_log || $8::jsonb, claim_id = NULL, updated_at = $9
         WHERE id = $1 AND claim_id = $2 AND status = 'SENDING' RETURNING 1)
       SELECT 1 FROM settled`,
      [
        id,
        claimId,
        change.status,
        change.nextAttemptAt,
        change.digest ?? null,
        change.attemptsDelta ?? 0,
        change.lastError,
        JSON.stringify(change.log),
        now,
      ],
    );
    return rows.length > 0;
  }

  /** A channel just paused: the user's deliveries still waiting on it are not sent. */
  async pauseWaiting(manager: EntityManager, userId: string, channel: NotificationChannelV1, now: Date): Promise<void> {
    await manager.query(
      `UPDATE insights.notification_deliveries SET status = 'PAUSED', claim_id = NULL, updated_at = $3,
         attempt_log = attempt_log || jsonb_build_array(jsonb_build_object('at', $4::text, 'outcome', 'PAUSED'))
       WHERE user_id = $1 AND channel = $2 AND status IN ('PENDING', 'WAITING')`,
      [userId, channel, now, now.toISOString()],
    );
  }

  /** When the next delivery comes due (for the sender's timer), or null. */
  async nextDueAt(): Promise<Date | null> {
    const [row]: Array<{ at: Date | null }> = await this.dataSource.query(
      `SELECT min(next_attempt_at) AS at FROM insights.notification_deliveries WHERE status IN ('PENDING', 'WAITING', 'SENDING')`,
    );
    return row?.at ? new Date(row.at) : null;
  }
}
