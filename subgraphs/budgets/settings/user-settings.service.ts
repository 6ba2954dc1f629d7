import type { DataSource, EntityManager } from "typeorm";

import { ClientError } from "../../../platform/errors/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { UserSettingsEntity } from "./user-settings.entity.js";

export interface Preferences {
  baseCurrency: string;
  firstDayOfWeek: number;
  monthStartDay: number;
  timezone?: string;
}

/** Identity's preferences arrive as events; until the first one, budgets cannot align or price anything. */
export const preferencesUnknown = () =>
  new ClientError("PREFERENCES_UNKNOWN", "your preferences have not reached budgets yet; try again shortly");

export class UserSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upsert(manager: EntityManager, userId: string, p: Preferences): Promise<void> {
    await manager.query(
      `INSERT INTO budgets.user_settings (user_id, base_currency, first_day_of_week, month_start_day, timezone, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET base_currency = EXCLUDED.base_currency, first_day_of_week = EXCLUDED.first_day_of_week,
         month_start_day = EXCLUDED.month_start_day, timezone = EXCLUDED.timezone, updated_at = EXCLUDED.updated_at`,
      [userId, p.baseCurrency, p.firstDayOfWeek, p.monthStartDay, p.timezone ?? "UTC", this.clock.now()],
    );
  }

  /** The user's preferences, or PREFERENCES_UNKNOWN; `manager` inside a write (one session when embedded). */
  async require(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserSettingsEntity> {
    const found = await manager.findOneBy(UserSettingsEntity, { userId });
    if (!found) throw preferencesUnknown();
    return found;
  }

  async find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserSettingsEntity | null> {
    return manager.findOneBy(UserSettingsEntity, { userId });
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(UserSettingsEntity, { userId });
  }
}
