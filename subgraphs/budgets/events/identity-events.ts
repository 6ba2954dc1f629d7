/** identity's user events as budgets reads them (`identity.user.v1`). */
export const IDENTITY_USER_TOPIC = "identity.user.v1";

export interface UserPreferencesEventV1 {
  userId: string;
  preferences: { baseCurrency: string; firstDayOfWeek: number; monthStartDay: number; timezone: string };
}
