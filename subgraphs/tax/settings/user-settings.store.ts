import type { DataSource, EntityManager } from "typeorm";

import type { PreferencesStore } from "../../../platform/read-models/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { localDay } from "../../../platform/time/index.js";
import type { UserPreferencesV1 } from "../../../schema/events/identity.js";

/** Identity's preferences as tax needs them: the time zone decides which tax year "now" is in. */
export class UserSettingsStore implements PreferencesStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upsert(manager: EntityManager, userId: string, p: UserPreferencesV1): Promise<void> {
    await manager.query(
      `INSERT INTO tax.user_settings (user_id, base_currency, timezone, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET base_currency = EXCLUDED.base_currency, timezone = EXCLUDED.timezone, updated_at = EXCLUDED.updated_at`,
      [userId, p.baseCurrency, p.timezone, this.clock.now()],
    );
  }

  /** The user's current tax year: the calendar year of their own today (UTC until identity's preferences arrive). */
  async currentYear(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: Array<{ timezone: string }> = await manager.query(`SELECT timezone FROM tax.user_settings WHERE user_id = $1`, [userId]);
    return Number(localDay(this.clock.now(), rows[0]?.timezone ?? "UTC").slice(0, 4));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.user_settings WHERE user_id = $1`, [userId]);
  }
}
