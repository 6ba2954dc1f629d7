import type { DataSource, EntityManager } from "typeorm";

import type { NotificationSettingsChangedV1 } from "../../../../schema/events/identity.js";
import type { NotificationPreferencesV1 } from "../../../../schema/events/notifications.js";
import { isTimeZone } from "../schedule/local-time.js";
import { DEFAULT_PREFERENCES, DEFAULT_SETTINGS, type NotificationSettings } from "./preferences.js";

interface Row {
  email: string;
  email_verified: boolean;
  locale: string;
  timezone: string;
  preferences: NotificationPreferencesV1;
}

/** identity's latest NotificationSettingsChanged per user: the address, locale, zone and choices. */
export class NotificationSettingsStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, s: NotificationSettingsChangedV1, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO insights.notification_settings (user_id, email, email_verified, locale, timezone, preferences, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, email_verified = EXCLUDED.email_verified, locale = EXCLUDED.locale,
         timezone = EXCLUDED.timezone, preferences = EXCLUDED.preferences, updated_at = EXCLUDED.updated_at`,
      [s.userId, s.email, s.emailVerified, s.locale, s.timezone, JSON.stringify(s.preferences ?? DEFAULT_PREFERENCES), at],
    );
  }

  /** The user's settings, or the defaults before identity has sent any. */
  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<NotificationSettings> {
    const [row]: Row[] = await manager.query(
      `SELECT email, email_verified, locale, timezone, preferences FROM insights.notification_settings WHERE user_id = $1`,
      [userId],
    );
    if (!row) return DEFAULT_SETTINGS;
    return {
      email: row.email,
      emailVerified: row.email_verified,
      locale: row.locale || "en",
      // A zone this runtime does not know would make every local-time computation throw.
      timezone: isTimeZone(row.timezone) ? row.timezone : "UTC",
      preferences: { ...DEFAULT_PREFERENCES, ...row.preferences },
    };
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.notification_settings WHERE user_id = $1`, [userId]);
  }
}
