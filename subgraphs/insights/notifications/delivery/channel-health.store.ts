import type { DataSource, EntityManager } from "typeorm";

import type { NotificationChannelV1 } from "../../../../schema/events/notifications.js";

/** Failed deliveries in a row (each after its retries) that pause a channel for a user. */
export const PAUSE_AFTER_FAILURES = 5;

/** Per user and channel: failures in a row, and whether the channel is paused until the user resumes it. */
export class ChannelHealthStore {
  constructor(private readonly dataSource: DataSource) {}

  async paused(manager: EntityManager, userId: string): Promise<Set<NotificationChannelV1>> {
    const rows: Array<{ channel: NotificationChannelV1 }> = await manager.query(
      `SELECT channel FROM insights.notification_channel_health WHERE user_id = $1 AND paused_at IS NOT NULL`,
      [userId],
    );
    return new Set(rows.map((r) => r.channel));
  }

  async succeeded(manager: EntityManager, userId: string, channel: NotificationChannelV1): Promise<void> {
    await manager.query(
      `UPDATE insights.notification_channel_health SET consecutive_failures = 0 WHERE user_id = $1 AND channel = $2 AND consecutive_failures > 0`,
      [userId, channel],
    );
  }

  /** Counts a failed delivery; true when this failure paused the channel. */
  async failed(manager: EntityManager, userId: string, channel: NotificationChannelV1, at: Date): Promise<boolean> {
    const [row]: Array<{ consecutive_failures: number; paused_at: Date | null }> = await manager.query(
      `INSERT INTO insights.notification_channel_health (user_id, channel, consecutive_failures) VALUES ($1, $2, 1)
       ON CONFLICT (user_id, channel) DO UPDATE SET consecutive_failures = insights.notification_channel_health.consecutive_failures + 1
       RETURNING consecutive_failures, paused_at`,
      [userId, channel],
    );
    if (!row || row.paused_at || row.consecutive_failures < PAUSE_AFTER_FAILURES) return false;
    await manager.query(`UPDATE insights.notification_channel_health SET paused_at = $3 WHERE user_id = $1 AND channel = $2`, [
      userId,
      channel,
      at,
    ]);
    return true;
  }

  /** Resumes a paused channel with a clean count; false when it was not paused. */
  async resume(userId: string, channel: NotificationChannelV1): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH resumed AS (UPDATE insights.notification_channel_health SET paused_at = NULL, consecutive_failures = 0
         WHERE user_id = $1 AND channel = $2 AND paused_at IS NOT NULL RETURNING 1)
       SELECT 1 FROM resumed`,
      [userId, channel],
    );
    return rows.length > 0;
  }

  async pausedChannels(userId: string): Promise<NotificationChannelV1[]> {
    return [...(await this.paused(this.dataSource.manager, userId))].sort();
  }
}
