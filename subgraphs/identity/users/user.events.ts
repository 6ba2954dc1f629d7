import type { UserPreferencesV1 } from "../../../schema/events/identity.js";
import type { UserEntity } from "./user.entity.js";

/** The preferences `UserRegistered` and `UserPreferencesChanged` carry (contract: schema/events/identity.ts). */
export function preferencesOf(user: UserEntity): UserPreferencesV1 {
  return {
    baseCurrency: user.baseCurrency,
    timezone: user.timezone,
    locale: user.locale,
    firstDayOfWeek: user.firstDayOfWeek,
    monthStartDay: user.monthStartDay,
    salaryDay: user.salaryDay,
  };
}
