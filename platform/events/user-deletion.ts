import type { EntityManager } from "typeorm";
import type { ConsumerDefinition } from "./inbox.js";
import { JobQueue } from "../jobs/job-queue.js";

/** identity's user topic and the event every subgraph that stores user data must act on. */
export const IDENTITY_USER_TOPIC = "identity.user.v1";
export const USER_DELETED = "UserDeleted";

export interface UserDeletedV1 {
  userId: string;
}

/**
 * The purge every subgraph that stores user data runs on `UserDeleted`: the user's background jobs,
 * its own `purge`, and a tombstone so events about that user still in flight on other topics are
 * skipped by the inbox instead of recreating data (topics are not ordered against each other).
 */
export function userDeletionConsumer(schema: string, purge: (manager: EntityManager, userId: string) => Promise<void>): ConsumerDefinition {
  return {
    name: "user-deletion",
    topics: [IDENTITY_USER_TOPIC],
    handlers: {
      [USER_DELETED]: async (event, manager) => {
        const { userId } = event.data as UserDeletedV1;
        await manager.query(`INSERT INTO "${schema}".deleted_users (user_id, deleted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, event.occurredAt]);
        // First: it waits for a step of that user's job in progress, so the purge sees its rows.
        await JobQueue.purgeUser(manager, schema, userId);
        await purge(manager, userId);
      },
    },
  };
}
