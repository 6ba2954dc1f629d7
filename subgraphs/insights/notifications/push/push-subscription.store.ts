import type { DataSource, EntityManager } from "typeorm";

import { badInput, notFound } from "../../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../../platform/time/index.js";
import type { ValidPushSubscription } from "./push-subscription.validation.js";

/** Browsers per user: enough for every device a person uses, few enough that one send stays quick. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

export interface StoredPushSubscription {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastSuccessAt: Date | null;
}

const COLUMNS = `id, user_id, endpoint, p256dh, auth, user_agent, created_at, updated_at, last_success_at`;

const fromRow = (r: Record<string, unknown>): StoredPushSubscription => ({
  id: r.id as string,
  userId: r.user_id as string,
  endpoint: r.endpoint as string,
  p256dh: r.p256dh as string,
  auth: r.auth as string,
  userAgent: (r.user_agent as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
  lastSuccessAt: r.last_success_at ? new Date(r.last_success_at as string) : null,
});

/** The user's push subscriptions; every statement filters by the owner. */
export class PushSubscriptionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async list(userId: string): Promise<StoredPushSubscription[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM insights.push_subscriptions WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map(fromRow);
  }

  /**
   * Registers a browser; the same endpoint again updates its keys (a browser re-subscribing) and
   * keeps its id. Serialised per user, so the cap holds under concurrent registrations.
   */
  async register(userId: string, subscription: ValidPushSubscription): Promise<StoredPushSubscription> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('insights.push_subscriptions:' || $1))`, [userId]);
      const now = this.clock.now();
      const [existing]: Array<{ id: string }> = await manager.query(
        `SELECT id FROM insights.push_subscriptions WHERE user_id = $1 AND endpoint = $2`,
        [userId, subscription.endpoint],
      );
      if (!existing) {
        const [count]: Array<{ n: number }> = await manager.query(
          `SELECT count(*)::int AS n FROM insights.push_subscriptions WHERE user_id = $1`,
          [userId],
        );
        if (count!.n >= MAX_PUSH_SUBSCRIPTIONS)
          throw badInput(`at most ${MAX_PUSH_SUBSCRIPTIONS} push subscriptions: remove one first`, { field: "endpoint" });
      }
      const rows: Array<Record<string, unknown>> = await manager.query(
        `INSERT INTO insights.push_subscriptions (id, user_id, endpoint, p256dh, auth, user_agent, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (user_id, endpoint) DO UPDATE SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
           user_agent = coalesce(EXCLUDED.user_agent, insights.push_subscriptions.user_agent), updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [
          existing?.id ?? this.ids.next(),
          userId,
          subscription.endpoint,
          subscription.p256dh,
          subscription.auth,
          subscription.userAgent,
          now,
        ],
      );
      return fromRow(rows[0]!);
    });
  }

  /** Removes one of the user's subscriptions; another user's id is NOT_FOUND, like an unknown one. */
  async remove(userId: string, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.delete(userId, id))) throw notFound("push subscription");
  }

  /** Drops a subscription the push service says is gone; false when it was already gone. */
  async delete(userId: string, id: string): Promise<boolean> {
    // A SELECT around the DELETE: its rows come back the same way on every driver.
    const [gone]: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (DELETE FROM insights.push_subscriptions WHERE user_id = $1 AND id = $2 RETURNING id) SELECT count(*)::int AS n FROM gone`,
      [userId, id],
    );
    return gone!.n > 0;
  }

  async markSucceeded(userId: string, id: string): Promise<void> {
    await this.dataSource.query(`UPDATE insights.push_subscriptions SET last_success_at = $3 WHERE user_id = $1 AND id = $2`, [
      userId,
      id,
      this.clock.now(),
    ]);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.push_subscriptions WHERE user_id = $1`, [userId]);
  }
}
