import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import {
  GROUP_MEMBER_ADDED,
  GROUP_MEMBER_REMOVED,
  GROUP_SAVINGS_GOAL_UPDATED,
  GROUP_UPDATED,
  type GroupChangeV1,
  type GroupMemberAddedV1,
  GROUPS_GROUP_TOPIC,
  GROUPS_SAVINGS_TOPIC,
} from "../../../schema/events/groups.js";

/** Who a group event concerns: what notifications need to tell every member but the actor. */
export interface GroupAudience {
  groupName: string;
  /** Users of the active members, in the group's member order. */
  memberUserIds: string[];
}

/** Read in the writer's transaction, so it names the members as the change commits them. */
export async function groupAudience(manager: EntityManager, groupId: string): Promise<GroupAudience> {
  const rows: Array<{ name: string; user_id: string | null }> = await manager.query(
    `SELECT g.name, m.user_id FROM groups.groups g LEFT JOIN groups.members m ON m.group_id = g.id AND m.removed_at IS NULL
     WHERE g.id = $1 ORDER BY m.position, m.id`,
    [groupId],
  );
  return { groupName: rows[0]?.name ?? "", memberUserIds: rows.flatMap((r) => (r.user_id ? [r.user_id] : [])) };
}

/** Announces group changes through the outbox, in the writer's transaction; key = group id. */
export class GroupEvents {
  constructor(private readonly outbox: Outbox) {}

  async updated(manager: EntityManager, traceId: string, groupId: string, change: GroupChangeV1): Promise<void> {
    await this.outbox.add(manager, traceId, [{ topic: GROUPS_GROUP_TOPIC, type: GROUP_UPDATED, key: groupId, data: { groupId, change } }]);
  }

  /** A user joined (with an invite code); announced beside the GroupUpdated every member change brings. */
  async memberAdded(
    manager: EntityManager,
    traceId: string,
    added: { groupId: string; memberId: string; userId: string; displayName: string; invitedByMemberId: string; at: Date },
  ): Promise<void> {
    const [inviter]: Array<{ user_id: string | null }> = await manager.query(`SELECT user_id FROM groups.members WHERE id = $1`, [
      added.invitedByMemberId,
    ]);
    const data: GroupMemberAddedV1 = {
      groupId: added.groupId,
      ...(await groupAudience(manager, added.groupId)),
      memberId: added.memberId,
      userId: added.userId,
      displayName: added.displayName,
      invitedByUserId: inviter?.user_id ?? null,
      addedAt: added.at.toISOString(),
    };
    await this.outbox.add(manager, traceId, [{ topic: GROUPS_GROUP_TOPIC, type: GROUP_MEMBER_ADDED, key: added.groupId, data }]);
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
