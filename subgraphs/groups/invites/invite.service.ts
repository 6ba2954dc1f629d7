import type { DataSource } from "typeorm";

import { badInput, conflict, notFound } from "../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { groupArchived, text } from "../groups/group.errors.js";
import { DISPLAY_NAME_MAX, type GroupService } from "../groups/group.service.js";
import { requireAccess } from "../groups/group-access.js";
import type { GroupEvents } from "../groups/group-events.js";
import { type GroupRoleName, MemberEntity } from "../members/member.entity.js";
import { memberOfRow, type MemberService } from "../members/member.service.js";
import { InviteEntity } from "./invite.entity.js";
import { inviteCodeHash, newInviteCode } from "./invite-code.js";

export const INVITE_HOURS_DEFAULT = 7 * 24;
export const INVITE_HOURS_MAX = 30 * 24;
/** Pending (unused, unrevoked, unexpired) invites per group. */
export const MAX_PENDING_INVITES = 50;

export interface JoinRequest {
  code: string;
  /** Claim this placeholder (keeping its balances and history) instead of joining as someone new. */
  placeholderId?: string | null;
  displayName?: string | null;
}

/** Invitation codes: single use, one group, expiring, revocable. Only their hashes are stored. */
export class InviteService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly groups: GroupService,
    private readonly members: MemberService,
    private readonly events: GroupEvents,
  ) {}

  async create(
    userId: string,
    groupId: string,
    hours: number | null,
    role: GroupRoleName = "MEMBER",
  ): Promise<{ invite: InviteEntity; code: string }> {
    const validFor = hours ?? INVITE_HOURS_DEFAULT;
    // ADMIN and OWNER are given to someone already in the group, never to whoever holds a code.
    if (role !== "MEMBER" && role !== "VIEWER") throw badInput("an invite makes a MEMBER or a VIEWER", { field: "role" });
    if (!Number.isInteger(validFor) || validFor < 1 || validFor > INVITE_HOURS_MAX)
      throw badInput(`expiresInHours must be 1 to ${INVITE_HOURS_MAX}`, { field: "expiresInHours" });
    return this.dataSource.transaction(async (manager) => {
      const { group, me } = await requireAccess(manager, userId, groupId, { role: "ADMIN", writable: true, lock: "update" });
      const now = this.clock.now();
      const [pending] = await manager.query(
        `SELECT count(*)::int AS n FROM groups.invites WHERE group_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2`,
        [group.id, now],
      );
      if ((pending.n as number) >= MAX_PENDING_INVITES)
        throw badInput(`at most ${MAX_PENDING_INVITES} pending invites per group: revoke some`, { field: "groupId" });
      const code = newInviteCode();
      const invite = Object.assign(new InviteEntity(), {
        id: this.ids.next(),
        groupId: group.id,
        codeHash: inviteCodeHash(code),
        createdBy: me.id,
        expiresAt: new Date(now.getTime() + validFor * 3_600_000),
        revokedAt: null,
        usedAt: null,
        usedBy: null,
        role,
        createdAt: now,
      });
      await manager.insert(InviteEntity, invite);
      return { invite, code };
    });
  }

  /** Admins revoke any pending invite of their group; revoking twice changes nothing. */
  async revoke(userId: string, inviteId: string): Promise<InviteEntity> {
    return this.dataSource.transaction(async (manager) => {
      const invite = isUuid(inviteId)
        ? await manager.findOne(InviteEntity, { where: { id: inviteId }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!invite) throw notFound("invite");
      // Someone outside the group (or a plain member) learns nothing about the invite.
      await requireAccess(manager, userId, invite.groupId, { role: "ADMIN" }).catch(() => {
        throw notFound("invite");
      });
      if (!invite.revokedAt && !invite.usedAt) {
        invite.revokedAt = this.clock.now();
        await manager.update(InviteEntity, { id: invite.id }, { revokedAt: invite.revokedAt });
      }
      return invite;
    });
  }

  /** Pending invites of the caller's group (admins only; the codes themselves are never shown again). */
  async pending(userId: string, groupId: string): Promise<InviteEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const { group } = await requireAccess(manager, userId, groupId, { role: "ADMIN" });
      return manager
        .createQueryBuilder(InviteEntity, "i")
        .where("i.group_id = :id AND i.used_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now", {
          id: group.id,
          now: this.clock.now(),
        })
        .orderBy("i.created_at", "ASC")
        .getMany();
    });
  }

  async join(userId: string, request: JoinRequest, traceId: string): Promise<{ groupId: string; member: MemberEntity }> {
    const hash = inviteCodeHash(request.code);
    const displayName =
      request.displayName === null || request.displayName === undefined ? null : text(request.displayName, "displayName", DISPLAY_NAME_MAX);
    if (request.placeholderId !== null && request.placeholderId !== undefined && !isUuid(request.placeholderId))
      throw badInput("placeholderId is not a member id", { field: "placeholderId" });
    return this.dataSource.transaction(async (manager) => {
      const invite = await manager.findOne(InviteEntity, { where: { codeHash: hash }, lock: { mode: "pessimistic_write" } });
      if (!invite) throw badInput("this invite code is not valid", { field: "code" });
      if (invite.revokedAt) throw badInput("this invite code was revoked", { field: "code" });
      if (invite.usedAt) throw badInput("this invite code has already been used", { field: "code" });
      if (invite.expiresAt <= this.clock.now()) throw badInput("this invite code has expired", { field: "code" });
      // The same lock order as every membership change: the group row, then its members.
      const [group]: Array<{ archived_at: Date | null }> = await manager.query(
        `SELECT archived_at FROM groups.groups WHERE id = $1 FOR UPDATE`,
        [invite.groupId],
      );
      if (!group || group.archived_at) throw groupArchived();
      const [already] = await manager.query(`SELECT 1 FROM groups.members WHERE group_id = $1 AND user_id = $2 AND removed_at IS NULL`, [
        invite.groupId,
        userId,
      ]);
      if (already) throw conflict("you are already a member of this group", { field: "code" });
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('groups.memberships:' || $1))`, [userId]);
      await this.groups.assertBelowGroupCap(manager, userId);

      let member: MemberEntity;
      if (request.placeholderId) {
        const rows: Array<Record<string, unknown>> = await manager.query(
          `SELECT id, group_id, user_id, display_name, role, position, removed_at, created_at FROM groups.members
           WHERE id = $1 AND group_id = $2 AND user_id IS NULL AND removed_at IS NULL FOR UPDATE`,
          [request.placeholderId, invite.groupId],
        );
        if (!rows[0]) throw badInput("placeholderId is not a placeholder of this group", { field: "placeholderId" });
        member = Object.assign(memberOfRow(rows[0]), {
          userId,
          displayName: displayName ?? (rows[0].display_name as string),
          role: invite.role,
        });
        await manager.update(MemberEntity, { id: member.id }, { userId, displayName: member.displayName, role: invite.role });
      } else {
        member = await this.members.insert(manager, invite.groupId, userId, displayName ?? "New member", invite.role);
      }
      const now = this.clock.now();
      await manager.update(InviteEntity, { id: invite.id }, { usedAt: now, usedBy: member.id });
      await this.events.memberAdded(manager, traceId, {
        groupId: invite.groupId,
        memberId: member.id,
        userId,
        displayName: member.displayName,
        invitedByMemberId: invite.createdBy,
        at: now,
      });
      await this.events.updated(manager, traceId, invite.groupId, "MEMBER_JOINED");
      return { groupId: invite.groupId, member };
    });
  }
}
