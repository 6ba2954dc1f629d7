import type { ConsumerDefinition } from "../../../platform/events/index.js";
import {
  IDENTITY_USER_TOPIC,
  type IdentityUserEvents,
  USER_PREFERENCES_CHANGED,
  USER_REGISTERED,
} from "../../../schema/events/identity.js";
import type { CategoryService } from "../categories/category.service.js";
import type { UserSettingsService } from "../users/user-settings.service.js";

/** A new user gets the default categories and their base currency; later changes update the currency. */
export function identityUsersConsumer(categories: CategoryService, settings: UserSettingsService): ConsumerDefinition<IdentityUserEvents> {
  return {
    name: "identity-users",
    topics: [IDENTITY_USER_TOPIC],
    handlers: {
      [USER_REGISTERED]: async (event, manager) => {
        await settings.upsert(manager, event.data.userId, event.data.preferences.baseCurrency);
        await categories.createDefaults(manager, event.data.userId, event.traceId);
      },
      [USER_PREFERENCES_CHANGED]: async (event, manager) => {
        await settings.upsert(manager, event.data.userId, event.data.preferences.baseCurrency);
      },
    },
  };
}
