import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import {
  IDENTITY_USER_TOPIC,
  type IdentityUserEvents,
  USER_PREFERENCES_CHANGED,
  USER_REGISTERED,
  type UserRegisteredV1,
} from "../../../schema/events/identity.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";

/** Base currency (net worth) and time zone (the user's today), as identity publishes them. */
export function identityUsersConsumer(settings: UserSettingsService): ConsumerDefinition<IdentityUserEvents> {
  // Both events carry the user's preferences in full (`UserPreferencesChangedV1` has the same shape).
  const upsert: EventHandler<UserRegisteredV1> = (event, manager) => settings.upsert(manager, event.data.userId, event.data.preferences);
  return {
    name: "identity-users",
    topics: [IDENTITY_USER_TOPIC],
    handlers: { [USER_REGISTERED]: upsert, [USER_PREFERENCES_CHANGED]: upsert },
  };
}
