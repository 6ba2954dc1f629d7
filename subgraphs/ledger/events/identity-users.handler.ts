import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import type { CategoryService } from "../categories/category.service.js";
import { IDENTITY_USER_TOPIC, type UserPreferencesEventV1 } from "../users/identity-events.js";
import type { UserSettingsService } from "../users/user-settings.service.js";

/** A new user gets the default categories and their base currency; later changes update the currency. */
export function identityUsersConsumer(categories: CategoryService, settings: UserSettingsService): ConsumerDefinition {
  const onRegistered: EventHandler<UserPreferencesEventV1> = async (event, manager) => {
    await settings.upsert(manager, event.data.userId, event.data.preferences.baseCurrency);
    await categories.createDefaults(manager, event.data.userId, event.traceId);
  };
  const onPreferencesChanged: EventHandler<UserPreferencesEventV1> = async (event, manager) => {
    await settings.upsert(manager, event.data.userId, event.data.preferences.baseCurrency);
  };
  return {
    name: "identity-users",
    topics: [IDENTITY_USER_TOPIC],
    handlers: { UserRegistered: onRegistered, UserPreferencesChanged: onPreferencesChanged },
  };
}
