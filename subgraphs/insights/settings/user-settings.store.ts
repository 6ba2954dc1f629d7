import type { DataSource, EntityManager } from "typeorm";

import type { PreferencesStore } from "../../../platform/read-models/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { localDay } from "../../../platform/time/index.js";
import type { UserPreferencesV1 } from "../../../schema/events/identity.js";

export interface UserSettings {
  baseCurrency: string;
  timezone: string;
  firstDayOfWeek: number;
  /** BCP 47 tag for money and dates in reports ("en-US", "de-DE"). */
  locale: string;
}

/** Identity's preferences as insights needs them: analytics are in the base currency, "today" is the user's own day. */
export class UserSettingsStore implements PreferencesStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upsert(manager: EntityManager, userId: string, p: UserPreferencesV1): Promise<void> {
    await manager.query(
      `INSERT INTO insights.user_settings (user_id, base_currency, timezone, first_day_of_week, locale, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET base_currency = EXCLUDED.base_currency, timezone = EXCLUDED.timezone,
         first_day_of_week = EXCLUDED.first_day_of_week, locale = EXCLUDED.locale, updated_at = EXCLUDED.updated_at`,
      [userId, p.baseCurrency, p.timezone, p.firstDayOfWeek, p.locale || "en-US", this.clock.now()],
    );
  }

  /** Until identity's preferences arrive: USD, UTC, weeks from Monday, en-US. */
  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserSettings> {
    const [row]: Array<{ base_currency: string; timezone: string; first_day_of_week: number; locale: string }> = await manager.query(
      `SELECT base_currency, timezone, first_day_of_week, locale FROM insights.user_settings WHERE user_id = $1`,
      [userId],
    );
    return row
      ? { baseCurrency: row.base_currency.trim(), timezone: row.timezone, firstDayOfWeek: row.first_day_of_week, locale: row.locale }
      : { baseCurrency: "USD", timezone: "UTC", firstDayOfWeek: 1, locale: "en-US" };
  }

  /** The user's calendar day now. */
  async today(userId: string, manager?: EntityManager): Promise<string> {
    return localDay(this.clock.now(), (await this.get(userId, manager)).timezone);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.user_settings WHERE user_id = $1`, [userId]);
  }
}
