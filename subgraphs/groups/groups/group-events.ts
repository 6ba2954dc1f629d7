import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import {
  GROUP_MEMBER_REMOVED,
  GROUP_SAVINGS_GOAL_UPDATED,
  GROUP_UPDATED,
  type GroupChangeV1,
  GROUPS_GROUP_TOPIC,
  GROUPS_SAVINGS_TOPIC,
} from "../../../schema/events/groups.js";

/** Announces group changes through the outbox, in the writer's transaction; key = group id. */
export class GroupEvents {
  constructor(private readonly outbox: Outbox) {}

  async updated(manager: EntityManager, traceId: string, groupId: string, change: GroupChangeV1): Promise<void> {
    await this.outbox.add(manager, traceId, [{ topic: GROUPS_GROUP_TOPIC, type: GROUP_UPDATED, key: groupId, data: { groupId, change } }]);
  }

  /**
   * Also touches every goal of the group: live subscriptions end when their lookup stops showing
   * the entity to the subscriber, and that is only checked when an event for it arrives.
   */
  async memberRemoved(manager: EntityManager, traceId: string, groupId: string, memberId: string, userId: string | null): Promise<void> {
    const goals: Array<{ id: string }> = await manager.query(
      `SELECT id FROM groups.savings_goals WHERE group_id = $1 AND archived_at IS NULL`,
      [groupId],
    );
    await this.outbox.add(manager, traceId, [
      { topic: GROUPS_GROUP_TOPIC, type: GROUP_MEMBER_REMOVED, key: groupId, data: { groupId, memberId, userId } },
      { topic: GROUPS_GROUP_TOPIC, type: GROUP_UPDATED, key: groupId, data: { groupId, change: "MEMBER_REMOVED" } },
      ...goals.map((goal) => ({
        topic: GROUPS_SAVINGS_TOPIC,
        type: GROUP_SAVINGS_GOAL_UPDATED,
        key: groupId,
        data: { goalId: goal.id, groupId },
      })),
    ]);
  }
}
