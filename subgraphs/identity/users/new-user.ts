import { defaultNotificationPreferences } from "../notifications/notification-preferences.js";
import { UserEntity } from "./user.entity.js";

export interface NewUserFields {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  emailVerifiedAt: Date | null;
  /** Checked by the caller (see base-currency.ts). */
  baseCurrency: string;
  now: Date;
}

/** A new account with the defaults every sign-up path shares; the user changes them in their profile. */
export function newUser(fields: NewUserFields): UserEntity {
  return Object.assign(new UserEntity(), {
    id: fields.id,
    email: fields.email,
    emailVerifiedAt: fields.emailVerifiedAt,
    passwordHash: fields.passwordHash,
    displayName: fields.displayName,
    timezone: "UTC",
    locale: "en-US",
    baseCurrency: fields.baseCurrency,
    firstDayOfWeek: 1,
    monthStartDay: 1,
    salaryDay: null,
    notificationPreferences: defaultNotificationPreferences(),
    mfaSecret: null,
    mfaEnabledAt: null,
    mfaLastStep: null,
    createdAt: fields.now,
    updatedAt: fields.now,
  });
}
