import { topicName } from "../../../platform/events/index.js";
import type { UserEntity } from "./user.entity.js";

export const USER_TOPIC = topicName("identity", "user");

/** Financial preferences other subgraphs need (budget periods, base currency). */
export interface UserPreferencesV1 {
  baseCurrency: string;
  timezone: string;
  locale: string;
  firstDayOfWeek: number;
  monthStartDay: number;
  salaryDay: number | null;
}

export interface UserRegisteredV1 {
  userId: string;
  preferences: UserPreferencesV1;
}

export interface UserPreferencesChangedV1 {
  userId: string;
  preferences: UserPreferencesV1;
}

/** Every subgraph that stores user data purges it on this event. */
export interface UserDeletedV1 {
  userId: string;
}

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
