import type { EntityManager } from "typeorm";

import {
  IDENTITY_USER_TOPIC,
  type IdentityUserEvents,
  USER_PREFERENCES_CHANGED,
  USER_REGISTERED,
  type UserPreferencesV1,
} from "../../schema/events/identity.js";
import type { ConsumerDefinition } from "../events/index.js";

/** Where a subgraph keeps its copy of each user's preferences (its own table, its own columns). */
export interface PreferencesStore {
  upsert(manager: EntityManager, userId: string, preferences: UserPreferencesV1): Promise<void>;
}

/**
 * Keeps a subgraph's copy of identity's user preferences (base currency, time zone, periods) up to
 * date: registration and every change carry the preferences in full, so each is an upsert.
 */
export function userPreferencesConsumer(store: PreferencesStore): ConsumerDefinition<IdentityUserEvents> {
  return {
    name: "identity-users",
    topics: [IDENTITY_USER_TOPIC],
    handlers: {
      [USER_REGISTERED]: (event, manager) => store.upsert(manager, event.data.userId, event.data.preferences),
      [USER_PREFERENCES_CHANGED]: (event, manager) => store.upsert(manager, event.data.userId, event.data.preferences),
    },
  };
}
