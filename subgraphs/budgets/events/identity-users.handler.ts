import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { IDENTITY_USER_TOPIC, type UserPreferencesEventV1 } from "./identity-events.js";

/** Base currency and period alignment, as identity publishes them. */
export function identityUsersConsumer(settings: UserSettingsService): ConsumerDefinition {
  const upsert: EventHandler<UserPreferencesEventV1> = (event, manager) => settings.upsert(manager, event.data.userId, event.data.preferences);
  return { name: "identity-users", topics: [IDENTITY_USER_TOPIC], handlers: { UserRegistered: upsert, UserPreferencesChanged: upsert } };
}
