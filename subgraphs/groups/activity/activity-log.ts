import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import {
  GROUP_ACTIVITY_RECORDED,
  type GroupActivityKindV1,
  type GroupActivityRecordedV1,
  GROUPS_GROUP_TOPIC,
} from "../../../schema/events/groups.js";

export interface ActivityEntry {
  groupId: string;
  kind: GroupActivityKindV1;
  /** The member who did it. */
  actorMemberId: string;
  expenseId?: string | null;
  settlementId?: string | null;
  commentId?: string | null;
}

/**
 * The group's activity feed: one row per thing a member did, written in the writer's transaction
 * with the event live `groupActivity` subscribers are served from, so the feed and the live stream
 * never disagree.
 */
export class ActivityLog {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async record(manager: EntityManager, traceId: string, entry: ActivityEntry): Promise<string> {
    const id = this.ids.next();
    await manager.query(
      `INSERT INTO groups.activity (id, group_id, kind, actor, expense_id, settlement_id, comment_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        entry.groupId,
        entry.kind,
        entry.actorMemberId,
        entry.expenseId ?? null,
        entry.settlementId ?? null,
        entry.commentId ?? null,
        this.clock.now(),
      ],
    );
    const data: GroupActivityRecordedV1 = { groupId: entry.groupId, activityId: id, kind: entry.kind };
    await this.outbox.add(manager, traceId, [{ topic: GROUPS_GROUP_TOPIC, type: GROUP_ACTIVITY_RECORDED, key: entry.groupId, data }]);
    return id;
  }
}
