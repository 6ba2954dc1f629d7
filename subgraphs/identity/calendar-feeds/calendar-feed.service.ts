import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { unauthenticated } from "../../../platform/errors/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import { CalendarFeedEntity } from "./calendar-feed.entity.js";
import { hashCalendarFeedSecret, isCalendarFeedSecretShape, newCalendarFeedSecret } from "./calendar-feed-secret.js";

/** Calendar apps poll every few minutes to hours; a finer last-fetch time would only cost writes. */
export const LAST_FETCHED_RESOLUTION_MS = 60_000;

/** Private iCalendar feeds: issued, rotated and revoked by their owner, resolved by the gateway. */
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The caller's feed, revoked or not; null if they never made one. */
  get(userId: string): Promise<CalendarFeedEntity | null> {
    return this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ userId });
  }

  /** Issues a new secret, replacing any old one in the same write: the old URL is dead on commit. */
  async rotate(userId: string, client: ClientInfo): Promise<string> {
    const { secret, hash } = newCalendarFeedSecret();
    await this.dataSource.transaction(async (manager) => {
      const owner = (await manager.query(`SELECT id FROM identity.users WHERE id = $1 FOR NO KEY UPDATE`, [userId])) as unknown[];
      if (owner.length === 0) throw unauthenticated();
      const [, replaced] = (await manager.query(
        `UPDATE identity.calendar_feeds SET secret_hash = $2, created_at = $3, last_fetched_at = NULL, revoked_at = NULL WHERE user_id = $1`,
        [userId, hash, this.clock.now()],
      )) as [unknown, number];
      if (replaced === 0) {
        await manager.insert(CalendarFeedEntity, {
          userId,
          secretHash: hash,
          createdAt: this.clock.now(),
          lastFetchedAt: null,
          revokedAt: null,
        });
      }
      await this.audit.record(userId, AuditEventType.CALENDAR_FEED_ROTATED, client, { replaced: replaced > 0 }, manager);
    });
    return secret;
  }

  /** Revoking twice (or with no feed) changes nothing and records nothing; returns whether a live feed was revoked. */
  async revoke(userId: string, client: ClientInfo): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, revoked] = (await manager.query(
        `UPDATE identity.calendar_feeds SET secret_hash = NULL, revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId, this.clock.now()],
      )) as [unknown, number];
      if (revoked === 0) return false;
      await this.audit.record(userId, AuditEventType.CALENDAR_FEED_REVOKED, client, {}, manager);
      return true;
    });
  }

  /**
   * The owner of a live feed secret, or null (malformed, unknown, rotated away, revoked, or the
   * account locked: the gateway cannot tell which). Records the fetch at most once a minute.
   */
  async resolve(secret: string): Promise<string | null> {
    if (!isCalendarFeedSecretShape(secret)) return null;
    const rows = (await this.dataSource.query(
      `SELECT f.user_id, f.last_fetched_at FROM identity.calendar_feeds f JOIN identity.users u ON u.id = f.user_id
        WHERE f.secret_hash = $1 AND u.locked_at IS NULL`,
      [hashCalendarFeedSecret(secret)],
    )) as Array<{ user_id: string; last_fetched_at: Date | null }>;
    const row = rows[0];
    if (!row) return null;
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - LAST_FETCHED_RESOLUTION_MS);
    if (!row.last_fetched_at || row.last_fetched_at <= staleBefore) {
      // Conditional, so concurrent fetches write it once.
      await this.dataSource.query(
        `UPDATE identity.calendar_feeds SET last_fetched_at = $2 WHERE user_id = $1 AND (last_fetched_at IS NULL OR last_fetched_at <= $3)`,
        [row.user_id, now, staleBefore],
      );
    }
    return row.user_id;
  }

  /** The personal-data export's section: everything but the hash. */
  exportSection = (userId: string, manager: EntityManager): Promise<unknown> =>
    manager.query(`SELECT created_at, last_fetched_at, revoked_at FROM identity.calendar_feeds WHERE user_id = $1`, [userId]);
}
