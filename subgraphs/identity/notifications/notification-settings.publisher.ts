import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { IDENTITY_USER_TOPIC, NOTIFICATION_SETTINGS_CHANGED, type NotificationSettingsChangedV1 } from "../../../schema/events/identity.js";
import { UserEntity } from "../users/user.entity.js";

/**
 * Announces the user's full notification settings (address, verification, locale, zone and
 * preferences) in the transaction that changed any of them. It re-reads the row through the
 * transaction, so the event carries what commits, whichever writer changed what.
 */
export class NotificationSettingsPublisher {
  constructor(private readonly outbox: Outbox) {}

  async publish(manager: EntityManager, traceId: string, userId: string): Promise<void> {
    const user = await manager.findOneByOrFail(UserEntity, { id: userId });
    await this.outbox.add(manager, traceId, [
      { topic: IDENTITY_USER_TOPIC, type: NOTIFICATION_SETTINGS_CHANGED, key: userId, data: notificationSettingsOf(user) },
    ]);
  }
}

export function notificationSettingsOf(user: UserEntity): NotificationSettingsChangedV1 {
  return {
    userId: user.id,
    email: user.email,
    emailVerified: user.emailVerifiedAt !== null,
    locale: user.locale,
    timezone: user.timezone,
    preferences: user.notificationPreferences,
  };
}
