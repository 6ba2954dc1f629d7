import type { NotificationChannelV1, NotificationKindV1, NotificationPreferencesV1 } from "../../../../schema/events/notifications.js";
import { defaultChannels } from "../kinds/notification-kinds.js";

/** What insights knows of how to reach a user (identity's NotificationSettingsChanged), or defaults. */
export interface NotificationSettings {
  email: string | null;
  emailVerified: boolean;
  locale: string;
  timezone: string;
  preferences: NotificationPreferencesV1;
}

export const DEFAULT_PREFERENCES: NotificationPreferencesV1 = Object.freeze({ kinds: [], quietHours: null, digest: "OFF" });

/** Before identity has said anything: no address to mail, English, UTC, the default channels. */
export const DEFAULT_SETTINGS: NotificationSettings = Object.freeze({
  email: null,
  emailVerified: false,
  locale: "en",
  timezone: "UTC",
  preferences: DEFAULT_PREFERENCES,
});

/** The channels a kind goes out on for this user: their choice for the kind, else the defaults. */
export function channelsFor(preferences: NotificationPreferencesV1, kind: NotificationKindV1): Record<NotificationChannelV1, boolean> {
  const choice = preferences.kinds.find((k) => k.kind === kind);
  return choice ? { IN_APP: choice.inApp, EMAIL: choice.email, PUSH: choice.push, SMS: choice.sms ?? false } : defaultChannels(kind);
}
