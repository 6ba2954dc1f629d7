import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { BalanceService } from "../balances/balance.service.js";
import { balanceNotSettled, memberNotFound, roleRequired, text } from "../groups/group.errors.js";
import { DISPLAY_NAME_MAX } from "../groups/group.service.js";
import { type Access, memberOf, requireAccess, ROLE_RANK } from "../groups/group-access.js";
import type { GroupEvents } from "../groups/group-events.js";
import { type GroupRoleName, MemberEntity } from "./member.entity.js";

/** Active members per group; the 501st is refused (documented in the README). */
export const MAX_MEMBERS_PER_GROUP = 500;
export const DELETED_USER_NAME = "Deleted user";

/** The two roles an admin may switch a member between. */
const VIEWER_SWITCH: ReadonlySet<GroupRoleName> = new Set(["MEMBER", "VIEWER"]);

export interface MemberChanges {
  displayName?: string | null;
  role?: GroupRoleName | null;
}

const MEMBER_COLUMNS = `m.id, m.group_id, m.user_id, m.display_name, m.role, m.position, m.removed_at, m.created_at`;

export function memberOfRow(row: Record<string, unknown>): MemberEntity {
  return Object.assign(new MemberEntity(), {
    id: row.id as string,
    groupId: row.group_id as string,
    userId: (row.user_id as string | null) ?? null,
    displayName: row.display_name as string,
    role: row.role as GroupRoleName,
    position: Number(row.position),
    removedAt: row.removed_at ? new Date(row.removed_at as string) : null,
    createdAt: new Date(row.created_at as string),
  });
}

/** Who is in a group: placeholders, roles, names, removal. Joining by invite is in InviteService. */
export class MemberService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly balances: BalanceService,
    private readonly events: GroupEvents,
  ) {}

  /** A named person without an account (yet): they can be paid for, owe, and later be claimed. */
  async addPlaceholder(userId: string, groupId: string, displayName: string, traceId: string): Promise<MemberEntity> {
    const name = text(displayName, "displayName", DISPLAY_NAME_MAX);
    return this.dataSource.transaction(async (manager) => {
      const { group } = await requireAccess(manager, userId, groupId, { writable: true, lock: "update" });
      const member = await this.insert(manager, group.id, null, name, "MEMBER");
      await this.events.updated(manager, traceId, group.id, "MEMBER_ADDED");
      return member;
    });
  }

  /**
   * Inserts a member at the end of the join order, under the caller's group lock ("update"), and
   * refuses the one past the cap.
   */
  async insert(
    manager: EntityManager,
    groupId: string,
    userId: string | null,
    displayName: string,
    role: GroupRoleName,
  ): Promise<MemberEntity> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE removed_at IS NULL)::int AS active, coalesce(max(position), 0)::int AS last FROM groups.members WHERE group_id = $1`,
      [groupId],
    );
    if ((row.active as number) >= MAX_MEMBERS_PER_GROUP)
      throw badInput(`a group has at most ${MAX_MEMBERS_PER_GROUP} members`, { field: "groupId" });
    const member = Object.assign(new MemberEntity(), {
      id: this.ids.next(),
      groupId,
      userId,
      displayName,
      role,
      position: (row.last as number) + 1,
      removedAt: null,
      createdAt: this.clock.now(),
    });
    await manager.insert(MemberEntity, member);
    return member;
  }

  /**
   * Anyone renames themselves or a placeholder; admins rename anyone. Roles: only the owner gives
   * or takes ADMIN, and hands OWNER over (becoming ADMIN), so a group always has one owner; admins
   * also switch members between MEMBER and VIEWER. Viewers change nothing here, not even their name.
   */
  async update(userId: string, groupId: string, memberId: string, changes: MemberChanges, traceId: string): Promise<MemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      const access = await requireAccess(manager, userId, groupId, { writable: true, lock: "update" });
      const member = await this.activeMember(manager, access.group.id, memberId, "memberId");
      const patch: Partial<MemberEntity> = {};
      if (changes.displayName !== undefined && changes.displayName !== null) {
        const canRename = member.id === access.me.id || member.userId === null || ROLE_RANK[access.me.role] >= ROLE_RANK.ADMIN;
        if (!canRename) throw badInput("members rename themselves and placeholders; admins rename anyone", { field: "displayName" });
        patch.displayName = text(changes.displayName, "displayName", DISPLAY_NAME_MAX);
      }
      if (changes.role !== undefined && changes.role !== null && changes.role !== member.role) {
        await this.changeRole(manager, access, member, changes.role);
        patch.role = changes.role;
      }
      if (Object.keys(patch).length > 0) {
        await manager.update(MemberEntity, { id: member.id }, patch);
        Object.assign(member, patch);
        await this.events.updated(manager, traceId, access.group.id, "MEMBER_UPDATED");
      }
      return member;
    });
  }

  /**
   * Admins remove others, anyone removes themselves (leaves); the owner cannot leave without
   * handing ownership over. Whoever still owes or is owed money stays: BALANCE_NOT_SETTLED.
   */
  async remove(userId: string, groupId: string, memberId: string, traceId: string): Promise<MemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      // "update" waits for expenses and settlements in flight (they hold "share"), so the balance is final.
      // Viewers may leave (their own membership, not the group's data); removing anyone else is a write.
      const access = await requireAccess(manager, userId, groupId, { role: "VIEWER", lock: "update" });
      if (memberId !== access.me.id && access.me.role === "VIEWER") throw roleRequired("MEMBER");
      const member = await this.activeMember(manager, access.group.id, memberId, "memberId");
      const self = member.id === access.me.id;
      if (!self && ROLE_RANK[access.me.role] < ROLE_RANK.ADMIN) throw badInput("only admins remove other members", { field: "memberId" });
      if (member.role === "OWNER")
        throw badInput("the owner cannot be removed: hand ownership to another member first", { field: "memberId" });
      if (!self && member.role === "ADMIN" && access.me.role !== "OWNER")
        throw badInput("only the owner removes an admin", { field: "memberId" });
      if ((await this.balances.ofMember(manager, member.id)) !== 0n) throw balanceNotSettled("memberId");
      member.removedAt = this.clock.now();
      await manager.update(MemberEntity, { id: member.id }, { removedAt: member.removedAt });
      await manager.query(
        `UPDATE groups.invites SET revoked_at = $2 WHERE group_id = $1 AND created_by = $3 AND used_at IS NULL AND revoked_at IS NULL`,
        [access.group.id, member.removedAt, member.id],
      );
      await this.events.memberRemoved(manager, traceId, access.group.id, member.id, member.userId);
      return member;
    });
  }

  /** Members of each group (removed ones too: history names them), in join order. */
  async forGroups(userId: string, groupIds: readonly string[]): Promise<MemberEntity[]> {
    const valid = groupIds.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM groups.members m WHERE m.group_id = ANY($2::uuid[]) AND ${memberOf("m.group_id", "$1")} ORDER BY m.group_id, m.position`,
      [userId, valid],
    );
    return rows.map(memberOfRow);
  }

  /** Members among `ids` in the caller's groups; anything else is left out. */
  async findForUser(userId: string, ids: readonly string[]): Promise<MemberEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM groups.members m WHERE m.id = ANY($2::uuid[]) AND ${memberOf("m.group_id", "$1")}`,
      [userId, valid],
    );
    return rows.map(memberOfRow);
  }

  /** Active members of one group by id, read in the caller's transaction. */
  async activeIn(manager: EntityManager, groupId: string): Promise<MemberEntity[]> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${MEMBER_COLUMNS} FROM groups.members m WHERE m.group_id = $1 AND m.removed_at IS NULL ORDER BY m.position`,
      [groupId],
    );
    return rows.map(memberOfRow);
  }

  async activeMember(manager: EntityManager, groupId: string, memberId: string, field: string): Promise<MemberEntity> {
    const rows: Array<Record<string, unknown>> = isUuid(memberId)
      ? await manager.query(`SELECT ${MEMBER_COLUMNS} FROM groups.members m WHERE m.id = $1 AND m.group_id = $2 AND m.removed_at IS NULL`, [
          memberId,
          groupId,
        ])
      : [];
    if (!rows[0]) throw memberNotFound(field);
    return memberOfRow(rows[0]);
  }

  /**
   * Account deletion: each membership becomes a placeholder named "Deleted user", so the others'
   * balances and history stay exact while the name and user id are gone. A deleted owner's group
   * passes to the longest-standing remaining signed-in member.
   */
  async anonymiseUser(manager: EntityManager, userId: string, traceId: string): Promise<void> {
    const memberships: Array<{ group_id: string; role: string }> = await manager.query(
      `SELECT group_id, role FROM groups.members WHERE user_id = $1 AND removed_at IS NULL`,
      [userId],
    );
    await manager.query(`UPDATE groups.members SET user_id = NULL, display_name = $2, role = 'MEMBER' WHERE user_id = $1`, [
      userId,
      DELETED_USER_NAME,
    ]);
    for (const { group_id: groupId, role } of memberships) {
      if (role === "OWNER") {
        await manager.query(
          `UPDATE groups.members SET role = 'OWNER' WHERE id = (
             SELECT id FROM groups.members WHERE group_id = $1 AND user_id IS NOT NULL AND removed_at IS NULL
             ORDER BY CASE role WHEN 'ADMIN' THEN 0 ELSE 1 END, position LIMIT 1)`,
          [groupId],
        );
      }
      await this.events.updated(manager, traceId, groupId, "USER_DELETED");
    }
  }

  private async changeRole(manager: EntityManager, access: Access, member: MemberEntity, role: GroupRoleName): Promise<void> {
    // Admins moderate who may write (MEMBER ↔ VIEWER); ADMIN and OWNER stay the owner's to give or take.
    const viewerSwitch = VIEWER_SWITCH.has(member.role) && VIEWER_SWITCH.has(role);
    if (access.me.role !== "OWNER" && !(viewerSwitch && access.me.role === "ADMIN"))
      throw badInput(viewerSwitch ? "only admins make members viewers and back" : "only the owner gives or takes ADMIN and OWNER", {
        field: "role",
      });
    if (member.userId === null) throw badInput("a placeholder has no account to give a role to", { field: "role" });
    if (member.id === access.me.id) throw badInput("hand ownership to another member instead", { field: "role" });
    if (role === "OWNER") {
      // One owner at a time: the current one steps down to admin in the same transaction.
      await manager.update(MemberEntity, { id: access.me.id }, { role: "ADMIN" });
      access.me.role = "ADMIN";
    }
  }
}
