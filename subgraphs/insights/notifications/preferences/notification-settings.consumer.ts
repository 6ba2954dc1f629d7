import type { ConsumerDefinition } from "../../../../platform/events/index.js";
import { IDENTITY_USER_TOPIC, type IdentityUserEvents, NOTIFICATION_SETTINGS_CHANGED } from "../../../../schema/events/identity.js";
import type { NotificationSettingsStore } from "./notification-settings.store.js";

/** identity.user.v1's NotificationSettingsChanged into insights' own table (from the beginning: it is a read model). */
export function notificationSettingsConsumer(store: NotificationSettingsStore): ConsumerDefinition<IdentityUserEvents> {
  return {
    name: "insights-notification-settings",
    topics: [IDENTITY_USER_TOPIC],
    handlers: {
      [NOTIFICATION_SETTINGS_CHANGED]: (event, manager) => store.record(manager, event.data, new Date(event.occurredAt)),
    },
  };
}
