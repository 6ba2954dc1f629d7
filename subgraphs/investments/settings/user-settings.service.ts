import type { DataSource, EntityManager } from "typeorm";

import type { Clock } from "../../../platform/time/index.js";
import { localDay } from "../../../platform/time/index.js";
import { UserSettingsEntity } from "./user-settings.entity.js";

export interface Preferences {
  baseCurrency: string;
  timezone?: string;
}

/** Identity's preferences as investments keeps them, and the user's "today" derived from them. */
export class UserSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upsert(manager: EntityManager, userId: string, p: Preferences): Promise<void> {
    await manager.query(
      `INSERT INTO investments.user_settings (user_id, base_currency, timezone, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET base_currency = EXCLUDED.base_currency, timezone = EXCLUDED.timezone, updated_at = EXCLUDED.updated_at`,
      [userId, p.baseCurrency, p.timezone ?? "UTC", this.clock.now()],
    );
  }

  async find(userIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<UserSettingsEntity[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{ user_id: string; base_currency: string; timezone: string; updated_at: Date }> = await manager.query(
      `SELECT user_id, base_currency, timezone, updated_at FROM investments.user_settings WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return rows.map((r) =>
      Object.assign(new UserSettingsEntity(), {
        userId: r.user_id,
        baseCurrency: r.base_currency.trim(),
        timezone: r.timezone,
        updatedAt: new Date(r.updated_at),
      }),
    );
  }

  /**
   * The user's calendar day now: trades may not be dated after it, and valuations default to it.
   * Until identity's preferences arrive, UTC's day.
   */
  async today(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [settings] = await this.find([userId], manager);
    return localDay(this.clock.now(), settings?.timezone ?? "UTC");
  }

  todayIn(timezone: string | null | undefined): string {
    return localDay(this.clock.now(), timezone ?? "UTC");
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM investments.user_settings WHERE user_id = $1`, [userId]);
  }
}
