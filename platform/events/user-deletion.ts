import type { EntityManager } from "typeorm";

// `schema/` holds the contracts between subgraphs and carries no code, so every layer may import
// it, platform included: identity's `UserDeleted` is declared there once, not restated here.
import { IDENTITY_USER_TOPIC, type IdentityUserEvents, USER_DELETED } from "../../schema/events/identity.js";
import { JobQueue } from "../jobs/job-queue.js";
import type { ConsumerDefinition } from "./inbox.js";

/**
 * The purge every subgraph that stores user data runs on identity's `UserDeleted`: the user's
 * background jobs, its own `purge`, and a tombstone so events about that user still in flight on
 * other topics are skipped by the inbox instead of recreating data (topics are not ordered against
 * each other).
 */
export function userDeletionConsumer(
  schema: string,
  /** `traceId`: the deletion's, for events the purge itself announces. */
  purge: (manager: EntityManager, userId: string, traceId: string) => Promise<void>,
): ConsumerDefinition<IdentityUserEvents> {
  return {
    name: "user-deletion",
    topics: [IDENTITY_USER_TOPIC],
    handlers: {
      [USER_DELETED]: async (event, manager) => {
        const { userId } = event.data;
        await manager.query(`INSERT INTO "${schema}".deleted_users (user_id, deleted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          userId,
          event.occurredAt,
        ]);
        // First: it waits for a step of that user's job in progress, so the purge sees its rows.
        await JobQueue.purgeUser(manager, schema, userId);
        await purge(manager, userId, event.traceId);
      },
    },
  };
}
