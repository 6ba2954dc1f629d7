import { type DataSource, In } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { type Clock, isUuid } from "../../../platform/time/index.js";
import { IDENTITY_USER_TOPIC, USER_PREFERENCES_CHANGED, type UserPreferencesChangedV1 } from "../../../schema/events/identity.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import { applyNotificationChanges, type NotificationPreferenceChanges } from "../notifications/notification-preferences.js";
import type { NotificationSettingsPublisher } from "../notifications/notification-settings.publisher.js";
import { chosenBaseCurrency } from "./base-currency.js";
import { UserEntity } from "./user.entity.js";
import { preferencesOf } from "./user.events.js";

export interface ProfileChanges {
  displayName?: string;
  timezone?: string;
  locale?: string;
}

export interface FinancialChanges {
  baseCurrency?: string;
  firstDayOfWeek?: number;
  monthStartDay?: number;
  salaryDay?: number | null;
}

function assertTimezone(zone: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    if (!zone.includes("/") && zone !== "UTC") throw new Error("not an IANA zone name");
  } catch {
    throw badInput(`unknown time zone "${zone.slice(0, 64)}"`, { field: "timezone" });
  }
}

function canonicalLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (!canonical) throw new Error("empty");
    return canonical;
  } catch {
    throw badInput(`invalid locale "${locale.slice(0, 35)}"`, { field: "locale" });
  }
}

function assertRange(value: number, min: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${field} must be between ${min} and ${max}`, { field });
}

/** Profile, preferences and lookups of users. */
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly notificationSettings: NotificationSettingsPublisher,
    private readonly clock: Clock,
  ) {}

  /** One statement for any number of ids (reference batches). */
  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(UserEntity).findBy({ id: In(valid) });
  }

  async get(userId: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw notFound("user");
    return user;
  }

  async updateProfile(userId: string, changes: ProfileChanges, client: ClientInfo, traceId: string): Promise<UserEntity> {
    const patch: Partial<UserEntity> = {};
    if (changes.displayName !== undefined) {
      const name = changes.displayName.trim();
      if (name.length < 1 || name.length > 100) throw badInput("display name must be 1-100 characters", { field: "displayName" });
      patch.displayName = name;
    }
    if (changes.timezone !== undefined) {
      assertTimezone(changes.timezone);
      patch.timezone = changes.timezone;
    }
    if (changes.locale !== undefined) patch.locale = canonicalLocale(changes.locale);
    const regional = patch.timezone !== undefined || patch.locale !== undefined;
    return this.apply(userId, () => patch, client, traceId, { preferences: regional, notifications: regional });
  }

  async updateFinancialPreferences(userId: string, changes: FinancialChanges, client: ClientInfo, traceId: string): Promise<UserEntity> {
    const patch: Partial<UserEntity> = {};
    if (changes.baseCurrency !== undefined) patch.baseCurrency = chosenBaseCurrency(changes.baseCurrency);
    if (changes.firstDayOfWeek !== undefined) {
      assertRange(changes.firstDayOfWeek, 1, 7, "firstDayOfWeek");
      patch.firstDayOfWeek = changes.firstDayOfWeek;
    }
    if (changes.monthStartDay !== undefined) {
      assertRange(changes.monthStartDay, 1, 28, "monthStartDay");
      patch.monthStartDay = changes.monthStartDay;
    }
    if (changes.salaryDay !== undefined) {
      if (changes.salaryDay !== null) assertRange(changes.salaryDay, 1, 31, "salaryDay");
      patch.salaryDay = changes.salaryDay;
    }
    return this.apply(userId, () => patch, client, traceId, { preferences: Object.keys(patch).length > 0, notifications: false });
  }

  async updateNotificationPreferences(
    userId: string,
    changes: NotificationPreferenceChanges,
    client: ClientInfo,
    traceId: string,
  ): Promise<UserEntity> {
    // Checked before the transaction so bad input costs no lock; applied again to the locked row.
    applyNotificationChanges((await this.get(userId)).notificationPreferences, changes);
    return this.apply(
      userId,
      (user) => ({ notificationPreferences: applyNotificationChanges(user.notificationPreferences, changes) }),
      client,
      traceId,
      { preferences: false, notifications: true },
    );
  }

  /**
   * Writes the patch (computed from the row as locked), audits it and, when other domains care,
   * emits UserPreferencesChanged and NotificationSettingsChanged, atomically.
   */
  private async apply(
    userId: string,
    patchOf: (user: UserEntity) => Partial<UserEntity>,
    client: ClientInfo,
    traceId: string,
    announce: { preferences: boolean; notifications: boolean },
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: "pessimistic_write" } });
      if (!user) throw notFound("user");
      const patch = patchOf(user);
      if (Object.keys(patch).length === 0) return user;
      Object.assign(user, patch, { updatedAt: this.clock.now() });
      await manager.save(user);
      await this.audit.record(userId, AuditEventType.PROFILE_UPDATED, client, { fields: Object.keys(patch) }, manager);
      if (announce.preferences) {
        const data: UserPreferencesChangedV1 = { userId, preferences: preferencesOf(user) };
        await this.outbox.add(manager, traceId, [{ topic: IDENTITY_USER_TOPIC, type: USER_PREFERENCES_CHANGED, key: userId, data }]);
      }
      if (announce.notifications) await this.notificationSettings.publish(manager, traceId, userId);
      return user;
    });
  }
}
