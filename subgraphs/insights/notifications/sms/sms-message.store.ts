import type { DataSource, EntityManager } from "typeorm";

import type { Clock, IdGenerator } from "../../../../platform/time/index.js";
import type { SmsProvider, SmsRequest, SmsSendResult } from "./sms-provider.js";

export type SmsPurpose = "VERIFICATION" | "NOTIFICATION";

export interface SmsMessageRecord {
  id: string;
  purpose: SmsPurpose;
  notificationId: string | null;
  to: string;
  status: string;
  errorCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

interface Row {
  id: string;
  purpose: SmsPurpose;
  notification_id: string | null;
  to_number: string;
  status: string;
  error_code: string | null;
  created_at: Date;
  updated_at: Date;
}

const DAY_MS = 24 * 3_600_000;

/**
 * How far a message has come. A status callback only moves a message forward: callbacks arrive in
 * any order, and a late "sent" must not undo "delivered".
 */
const STATUS_RANK: Readonly<Record<string, number>> = {
  RESERVED: 0,
  ACCEPTED: 1,
  SCHEDULED: 1,
  QUEUED: 2,
  SENDING: 3,
  SENT: 4,
  DELIVERED: 5,
  UNDELIVERED: 5,
  FAILED: 5,
  CANCELED: 5,
  READ: 6,
};

export const isKnownSmsStatus = (status: string): boolean => status.toUpperCase() in STATUS_RANK && status.toUpperCase() !== "RESERVED";

/** A message the provider refused (or never answered) costs nothing and does not count against the cap. */
const NOT_CHARGED = "REJECTED";

export type Reservation = { ok: true; id: string } | { ok: false; cap: number; sentToday: number };

/**
 * Every text sent to a user, in `insights.sms_messages`: the per-user cap is counted here (any 24
 * hours, verification codes included, since each one costs the same) and the provider's delivery
 * status lands here from its callbacks.
 */
export class SmsMessageStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly provider: SmsProvider,
    readonly dailyCap: number,
  ) {}

  async sentToday(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM insights.sms_messages WHERE user_id = $1 AND created_at > $2 AND status <> $3`,
      [userId, new Date(this.clock.now().getTime() - DAY_MS), NOT_CHARGED],
    );
    return row?.n ?? 0;
  }

  /**
   * Claims one of the day's messages. The caller holds the user's `sms_phone_numbers` row lock, so
   * two sends for one user cannot both take the last one.
   */
  async reserve(
    manager: EntityManager,
    userId: string,
    purpose: SmsPurpose,
    to: string,
    notificationId: string | null,
  ): Promise<Reservation> {
    const sentToday = await this.sentToday(userId, manager);
    if (sentToday >= this.dailyCap) return { ok: false, cap: this.dailyCap, sentToday };
    const id = this.ids.next();
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO insights.sms_messages (id, user_id, purpose, notification_id, to_number, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'RESERVED', $6, $6)`,
      [id, userId, purpose, notificationId, to, now],
    );
    return { ok: true, id };
  }

  /** Sends a reserved message (outside any transaction: the provider can take seconds) and records the answer. */
  async dispatch(id: string, request: SmsRequest): Promise<SmsSendResult> {
    const result = await this.provider.send(request);
    if (result.ok) {
      await this.dataSource.query(`UPDATE insights.sms_messages SET provider_id = $2, status = $3, updated_at = $4 WHERE id = $1`, [
        id,
        result.providerId,
        result.status.toUpperCase().slice(0, 20),
        this.clock.now(),
      ]);
    } else {
      await this.dataSource.query(`UPDATE insights.sms_messages SET status = $2, error_code = $3, updated_at = $4 WHERE id = $1`, [
        id,
        NOT_CHARGED,
        result.error.slice(0, 300),
        this.clock.now(),
      ]);
    }
    return result;
  }

  /** A provider's status callback; returns whether anything changed (unknown ids and backward moves change nothing). */
  async recordStatus(providerId: string, status: string, errorCode: string | null): Promise<boolean> {
    const next = status.toUpperCase();
    return this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ id: string; status: string }> = await manager.query(
        `SELECT id, status FROM insights.sms_messages WHERE provider_id = $1 FOR UPDATE`,
        [providerId],
      );
      if (!row || (STATUS_RANK[row.status] ?? 0) >= (STATUS_RANK[next] ?? 0)) return false;
      await manager.query(`UPDATE insights.sms_messages SET status = $2, error_code = $3, updated_at = $4 WHERE id = $1`, [
        row.id,
        next,
        errorCode?.slice(0, 40) ?? null,
        this.clock.now(),
      ]);
      return true;
    });
  }

  async list(userId: string, limit: number): Promise<SmsMessageRecord[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, purpose, notification_id, to_number, status, error_code, created_at, updated_at
         FROM insights.sms_messages WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      notificationId: r.notification_id,
      to: r.to_number,
      status: r.status,
      errorCode: r.error_code,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.sms_messages WHERE user_id = $1`, [userId]);
  }
}
