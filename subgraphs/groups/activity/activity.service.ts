import type { DataSource } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { GroupActivityKindV1 } from "../../../schema/events/groups.js";
import { memberOf } from "../groups/group-access.js";

export const MAX_ACTIVITY_PAGE = 200;

export interface ActivityRow {
  id: string;
  groupId: string;
  kind: GroupActivityKindV1;
  actorMemberId: string | null;
  expenseId: string | null;
  settlementId: string | null;
  commentId: string | null;
  at: Date;
}

const COLUMNS = `a.id, a.group_id, a.kind, a.actor, a.expense_id, a.settlement_id, a.comment_id, a.at`;

function activityOfRow(r: Record<string, unknown>): ActivityRow {
  return {
    id: r.id as string,
    groupId: r.group_id as string,
    kind: r.kind as GroupActivityKindV1,
    actorMemberId: (r.actor as string | null) ?? null,
    expenseId: (r.expense_id as string | null) ?? null,
    settlementId: (r.settlement_id as string | null) ?? null,
    commentId: (r.comment_id as string | null) ?? null,
    at: new Date(r.at as string),
  };
}

/** Reads of the group's activity feed, scoped to the caller's groups in SQL. */
export class ActivityService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest (last written) first; `after` is the id of the last entry of the previous page. */
  async page(userId: string, groupId: string, first: number, after: string | null): Promise<{ rows: ActivityRow[]; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_ACTIVITY_PAGE)
      throw badInput(`first must be 1 to ${MAX_ACTIVITY_PAGE}`, { field: "first" });
    if (after !== null && !isUuid(after)) throw badInput("after is not an activity id", { field: "after" });
    if (!isUuid(groupId)) return { rows: [], hasNextPage: false };
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM groups.activity a
       WHERE a.group_id = $2 AND ${memberOf("a.group_id", "$1")}
         AND ($3::uuid IS NULL OR a.seq < (SELECT p.seq FROM groups.activity p WHERE p.id = $3 AND p.group_id = $2))
       ORDER BY a.seq DESC LIMIT $4`,
      [userId, groupId, after, first + 1],
    );
    return { rows: rows.slice(0, first).map(activityOfRow), hasNextPage: rows.length > first };
  }

  /** Entries among `ids` in the caller's groups; anything else is left out. */
  async findForUser(userId: string, ids: readonly string[]): Promise<ActivityRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM groups.activity a WHERE a.id = ANY($2::uuid[]) AND ${memberOf("a.group_id", "$1")}`,
      [userId, valid],
    );
    return rows.map(activityOfRow);
  }
}
