import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../../platform/time/index.js";
import { INSIGHTS_NOTIFICATION_TOPIC, NOTIFICATION_RECEIVED } from "../../../../schema/events/insights.js";
import type { NotificationChannelV1 } from "../../../../schema/events/notifications.js";
import type { ChannelRegistry } from "../channels/channel-registry.js";
import type { ChannelHealthStore } from "../delivery/channel-health.store.js";
import type { CommitSignal } from "../delivery/commit-signal.js";
import { planDelivery } from "../delivery/delivery-plan.js";
import { KIND_PRIORITY, OUTBOUND_CHANNELS } from "../kinds/notification-kinds.js";
import type { NotificationSettingsStore } from "../preferences/notification-settings.store.js";
import { channelsFor } from "../preferences/preferences.js";
import { type NotificationItem, storableData } from "../sources/notification-source.js";

/**
 * Creates notifications and their deliveries inside the transaction that handles the source event
 * (the inbox's), so an event's notifications exist exactly once: the inbox skips a redelivered
 * event, and the unique (source event, user, kind) key skips a replay under another consumer.
 */
export class NotificationService {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly outbox: Outbox,
    private readonly settings: NotificationSettingsStore,
    private readonly health: ChannelHealthStore,
    private readonly channels: ChannelRegistry,
    private readonly signal: CommitSignal,
  ) {}

  /** Returns the ids of the notifications created (none for a replay or when every channel is off). */
  async create(manager: EntityManager, sourceEventId: string, traceId: string, items: NotificationItem[]): Promise<string[]> {
    const created: string[] = [];
    for (const item of items) {
      const id = await this.createOne(manager, sourceEventId, item);
      if (id) created.push(id);
    }
    if (created.length) this.signal.mark(manager);
    const announced = await this.inApp(manager, created);
    if (announced.length) {
      await this.outbox.add(
        manager,
        traceId,
        announced.map((n) => ({ topic: INSIGHTS_NOTIFICATION_TOPIC, type: NOTIFICATION_RECEIVED, key: n.userId, data: n })),
      );
    }
    return created;
  }

  private async inApp(manager: EntityManager, ids: string[]): Promise<Array<{ id: string; userId: string }>> {
    if (!ids.length) return [];
    const rows: Array<{ id: string; user_id: string }> = await manager.query(
      `SELECT id, user_id FROM insights.notifications WHERE id = ANY($1::uuid[]) AND in_app ORDER BY created_at, id`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, userId: r.user_id }));
  }

  private async createOne(manager: EntityManager, sourceEventId: string, item: NotificationItem): Promise<string | null> {
    const settings = await this.settings.get(item.userId, manager);
    const wanted = channelsFor(settings.preferences, item.kind);
    const outbound = OUTBOUND_CHANNELS.filter((c) => wanted[c]);
    if (!wanted.IN_APP && outbound.length === 0) return null;
    const now = this.clock.now();
    const id = this.ids.next();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO insights.notifications (id, user_id, kind, priority, data, source_event_id, in_app, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (source_event_id, user_id, kind) DO NOTHING RETURNING id`,
      [id, item.userId, item.kind, KIND_PRIORITY[item.kind], JSON.stringify(storableData(item.data)), sourceEventId, wanted.IN_APP, now],
    );
    if (inserted.length === 0) return null;
    const at = now.toISOString();
    if (wanted.IN_APP) await this.insertDelivery(manager, id, item.userId, "IN_APP", "SENT", null, false, 1, [{ at, outcome: "SENT" }]);
    const paused = outbound.length ? await this.health.paused(manager, item.userId) : new Set<NotificationChannelV1>();
    for (const channel of outbound) {
      if (paused.has(channel)) {
        await this.insertDelivery(manager, id, item.userId, channel, "PAUSED", null, false, 0, [{ at, outcome: "PAUSED" }]);
      } else if (!this.channels.has(channel)) {
        await this.insertDelivery(manager, id, item.userId, channel, "SKIPPED", null, false, 0, [
          { at, outcome: "SKIPPED", error: `no ${channel} channel is configured` },
        ]);
      } else {
        const plan = planDelivery(channel, item.kind, settings, now);
        if (plan.action === "SEND") await this.insertDelivery(manager, id, item.userId, channel, "PENDING", now, false, 0, []);
        else await this.insertDelivery(manager, id, item.userId, channel, "WAITING", plan.until, plan.digest, 0, []);
      }
    }
    return id;
  }

  private async insertDelivery(
    manager: EntityManager,
    notificationId: string,
    userId: string,
    channel: NotificationChannelV1,
    status: string,
    nextAttemptAt: Date | null,
    digest: boolean,
    attempts: number,
    log: Array<{ at: string; outcome: string; error?: string }>,
  ): Promise<void> {
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO insights.notification_deliveries
         (id, notification_id, user_id, channel, status, digest, attempts, next_attempt_at, attempt_log, last_error, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        this.ids.next(),
        notificationId,
        userId,
        channel,
        status,
        digest,
        attempts,
        nextAttemptAt,
        JSON.stringify(log),
        log.at(-1)?.error ?? null,
        now,
      ],
    );
  }
}
