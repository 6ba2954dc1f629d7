import { type DataSource, type EntityManager, In } from "typeorm";

import type { Clock } from "../../../platform/time/index.js";
import { UserSettingsEntity } from "./user-settings.entity.js";

/** Keeps the base currency identity publishes; the ledger never asks identity at query time. */
export class UserSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upsert(manager: EntityManager, userId: string, baseCurrency: string): Promise<void> {
    await manager.query(
      `INSERT INTO ledger.user_settings (user_id, base_currency, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET base_currency = EXCLUDED.base_currency, updated_at = EXCLUDED.updated_at`,
      [userId, baseCurrency, this.clock.now()],
    );
  }

  find(userIds: readonly string[]): Promise<UserSettingsEntity[]> {
    return this.dataSource.getRepository(UserSettingsEntity).findBy({ userId: In([...userIds]) });
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(UserSettingsEntity, { userId });
  }
}
