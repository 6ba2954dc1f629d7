import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";

export type DeliveryStatus = "PENDING" | "DELIVERED" | "FAILED";

export interface StoredDelivery {
  id: string;
  endpointId: string;
  userId: string;
  eventId: string;
  eventType: string;
  payload: string;
  status: DeliveryStatus;
  test: boolean;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  createdAt: Date;
  deadlineAt: Date;
  completedAt: Date | null;
}

export interface StoredAttempt {
  attempt: number;
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string;
}

export interface NewDelivery {
  id: string;
  endpointId: string;
  userId: string;
  eventId: string;
  eventType: string;
  payload: string;
  test: boolean;
  createdAt: Date;
  deadlineAt: Date;
}

const COLUMNS = `id, endpoint_id, user_id, event_id, event_type, payload, status, test, attempts, next_attempt_at,
  last_status_code, last_duration_ms, last_error, created_at, deadline_at, completed_at`;

type Row = Record<string, unknown>;
const date = (v: unknown) => (v ? new Date(v as string) : null);

function deliveryFromRow(r: Row): StoredDelivery {
  return {
    id: r.id as string,
    endpointId: r.endpoint_id as string,
    userId: r.user_id as string,
    eventId: r.event_id as string,
    eventType: r.event_type as string,
    payload: r.payload as string,
    status: r.status as DeliveryStatus,
    test: r.test as boolean,
    attempts: Number(r.attempts),
    nextAttemptAt: date(r.next_attempt_at),
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastDurationMs: r.last_duration_ms === null ? null : Number(r.last_duration_ms),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    deadlineAt: new Date(r.deadline_at as string),
    completedAt: date(r.completed_at),
  };
}

export const encodeDeliveryCursor = (d: StoredDelivery) =>
  Buffer.from(JSON.stringify([d.createdAt.toISOString(), d.id])).toString("base64url");

function decodeDeliveryCursor(cursor: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && isUuid(id)) return [at, id as string];
  } catch {
    // any undecodable cursor is the client's mistake
  }
  throw badInput("after is not a cursor this API returned", { field: "after" });
}

/** Deliveries and their attempts; reads filtered by owner, the worker's claims by due time. */
export class WebhookDeliveryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues deliveries; one already queued for the same (endpoint, event) is left as it is. */
  async queue(manager: EntityManager, deliveries: readonly NewDelivery[]): Promise<number> {
    let queued = 0;
    for (const d of deliveries) {
      const inserted: Row[] = await manager.query(
        `INSERT INTO insights.webhook_deliveries (id, endpoint_id, user_id, event_id, event_type, payload, status, test, next_attempt_at, created_at, deadline_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7, $8, $8, $9) ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id`,
        [d.id, d.endpointId, d.userId, d.eventId, d.eventType, d.payload, d.test, d.createdAt, d.deadlineAt],
      );
      queued += inserted.length;
    }
    return queued;
  }

  /**
   * Claims up to `limit` due deliveries of enabled endpoints for `leaseMs`: their next attempt moves
   * past the lease, so another instance (SKIP LOCKED passes over rows being claimed) or a later
   * pass takes them only if this one died before recording the attempt.
   */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<StoredDelivery[]> {
    const rows: Row[] = await this.dataSource.query(
      `WITH due AS (
         SELECT d.id FROM insights.webhook_deliveries d
         JOIN insights.webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 AND NOT d.test
         ORDER BY d.next_attempt_at LIMIT $2
         FOR UPDATE OF d SKIP LOCKED
       ), claimed AS (
         UPDATE insights.webhook_deliveries d SET next_attempt_at = $3 FROM due WHERE d.id = due.id RETURNING d.*
       ) SELECT ${COLUMNS} FROM claimed`,
      [now, limit, new Date(now.getTime() + leaseMs)],
    );
    return rows.map(deliveryFromRow);
  }

  /** Records one attempt and the delivery's new state, in the caller's transaction. */
  async recordAttempt(
    manager: EntityManager,
    d: StoredDelivery,
    attempt: StoredAttempt,
    next: { status: DeliveryStatus; nextAttemptAt: Date | null; completedAt: Date | null },
  ): Promise<StoredDelivery> {
    await manager.query(
      `INSERT INTO insights.webhook_attempts (delivery_id, attempt, user_id, attempted_at, status_code, duration_ms, error, response_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [d.id, attempt.attempt, d.userId, attempt.attemptedAt, attempt.statusCode, attempt.durationMs, attempt.error, attempt.responseBody],
    );
    const [row]: Row[] = await manager.query(
      `WITH changed AS (
         UPDATE insights.webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, last_status_code = $5,
           last_duration_ms = $6, last_error = $7, completed_at = $8
         WHERE id = $1 RETURNING *
       ) SELECT ${COLUMNS} FROM changed`,
      [d.id, next.status, attempt.attempt, next.nextAttemptAt, attempt.statusCode, attempt.durationMs, attempt.error, next.completedAt],
    );
    return deliveryFromRow(row!);
  }

  /** Re-reads a claimed delivery's attempt count under its row lock (a lease may have run out). */
  async lock(manager: EntityManager, id: string): Promise<StoredDelivery | null> {
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM insights.webhook_deliveries WHERE id = $1 FOR UPDATE`, [id]);
    return row ? deliveryFromRow(row) : null;
  }

  async find(userId: string, id: string): Promise<StoredDelivery | null> {
    const [row]: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM insights.webhook_deliveries WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ]);
    return row ? deliveryFromRow(row) : null;
  }

  /** One endpoint's deliveries, newest first; `first + 1` rows to tell whether more follow. */
  async page(userId: string, endpointId: string, first: number, after: string | null): Promise<StoredDelivery[]> {
    const params: unknown[] = [userId, endpointId, first + 1];
    let position = "";
    if (after) {
      params.push(...decodeDeliveryCursor(after));
      position = `AND (created_at, id) < ($4::timestamptz, $5::uuid)`;
    }
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM insights.webhook_deliveries WHERE user_id = $1 AND endpoint_id = $2 ${position}
       ORDER BY created_at DESC, id DESC LIMIT $3`,
      params,
    );
    return rows.map(deliveryFromRow);
  }

  async attempts(userId: string, deliveryId: string): Promise<StoredAttempt[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT attempt, attempted_at, status_code, duration_ms, error, response_body FROM insights.webhook_attempts
       WHERE delivery_id = $1 AND user_id = $2 ORDER BY attempt`,
      [deliveryId, userId],
    );
    return rows.map((r) => ({
      attempt: Number(r.attempt),
      attemptedAt: new Date(r.attempted_at as string),
      statusCode: r.status_code === null ? null : Number(r.status_code),
      durationMs: Number(r.duration_ms),
      error: (r.error as string | null) ?? null,
      responseBody: r.response_body as string,
    }));
  }

  /** Deliveries still pending past their window (an endpoint re-enabled after a day) are given up. */
  async expire(manager: EntityManager, endpointId: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE insights.webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, completed_at = $2,
         last_error = coalesce(last_error, 'not delivered within 24 hours')
       WHERE endpoint_id = $1 AND status = 'PENDING' AND deadline_at < $2`,
      [endpointId, now],
    );
  }

  /** Completed deliveries older than `before` are forgotten (their attempts go with them). */
  async forgetCompletedBefore(before: Date): Promise<void> {
    await this.dataSource.query(`DELETE FROM insights.webhook_deliveries WHERE status <> 'PENDING' AND created_at < $1`, [before]);
  }
}
