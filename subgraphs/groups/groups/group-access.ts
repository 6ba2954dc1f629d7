import type { EntityManager } from "typeorm";

import { isUuid } from "../../../platform/time/index.js";
import { MemberEntity } from "../members/member.entity.js";
import { GroupEntity } from "./group.entity.js";
import { groupArchived, groupNotFound, roleRequired } from "./group.errors.js";

/** VIEWER ranks below MEMBER: every write asks for at least MEMBER (the default), so viewers change nothing. */
export const ROLE_RANK = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 } as const;

/** The group and the caller's own (active) membership of it. */
export interface Access {
  group: GroupEntity;
  me: MemberEntity;
}

export interface AccessOptions {
  /** The least role needed; MEMBER by default (a write), VIEWER for reads. */
  role?: keyof typeof ROLE_RANK;
  /** Refuse an archived group (every write but un-archiving). */
  writable?: boolean;
  /**
   * Row lock on the group: "share" for writes that must not race a member's removal (expenses,
   * settlements); "update" for writes that change membership or read balances to decide.
   */
  lock?: "share" | "update";
}

/**
 * The one gate into a group: the caller must be an active member. Anyone else, and a malformed
 * id, gets NOT_FOUND, so a group's existence never leaks; a member with too small a role gets
 * FORBIDDEN.
 */
export async function requireAccess(manager: EntityManager, userId: string, groupId: string, options: AccessOptions = {}): Promise<Access> {
  if (!isUuid(groupId)) throw groupNotFound();
  const lock = options.lock === "update" ? " FOR UPDATE OF g" : options.lock === "share" ? " FOR SHARE OF g" : "";
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT g.id AS g_id, g.name, g.currency, g.archived_at, g.created_at AS g_created_at,
            m.id AS m_id, m.user_id, m.display_name, m.role, m.position, m.created_at AS m_created_at
     FROM groups.groups g JOIN groups.members m ON m.group_id = g.id
     WHERE g.id = $1 AND m.user_id = $2 AND m.removed_at IS NULL${lock}`,
    [groupId, userId],
  );
  const row = rows[0];
  if (!row) throw groupNotFound();
  const group = Object.assign(new GroupEntity(), {
    id: row.g_id as string,
    name: row.name as string,
    currency: (row.currency as string).trim(),
    archivedAt: row.archived_at ? new Date(row.archived_at as string) : null,
    createdAt: new Date(row.g_created_at as string),
  });
  const me = Object.assign(new MemberEntity(), {
    id: row.m_id as string,
    groupId: group.id,
    userId,
    displayName: row.display_name as string,
    role: row.role as MemberEntity["role"],
    position: Number(row.position),
    removedAt: null,
    createdAt: new Date(row.m_created_at as string),
  });
  if (options.writable && group.archivedAt) throw groupArchived();
  const role = options.role ?? "MEMBER";
  if (ROLE_RANK[me.role] < ROLE_RANK[role]) throw roleRequired(role);
  return { group, me };
}

/** SQL condition: the row's `group_id` column is a group `$userParam` is an active member of. */
export const memberOf = (groupIdColumn: string, userParam: string) =>
  `EXISTS (SELECT 1 FROM groups.members me WHERE me.group_id = ${groupIdColumn} AND me.user_id = ${userParam} AND me.removed_at IS NULL)`;
