import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import { type Clock, isUuid } from "../../../platform/time/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { AuditEventEntity } from "../audit/audit-event.entity.js";
import type { SessionService } from "../sessions/session.service.js";
import { UserEntity } from "../users/user.entity.js";
import { badReason, badSearch, cannotLockYourself, MAX_REASON_LENGTH, MIN_SEARCH_LENGTH } from "./admin.errors.js";

/** An account as an operator sees it: identity facts only, nothing financial. */
export interface AdminUserView {
  user: UserEntity;
  activeSessions: number;
  lastSeenAt: Date | null;
  admin: boolean;
}

/** Who acts, for the affected user's security log. */
export interface Operator {
  userId: string;
  client: ClientInfo;
}

const MAX_RESULTS = 50;

/**
 * What an operator may do to other accounts: find them, read their security log, lock, unlock and
 * sign them out. Each action lands in the affected user's own security log (with the operator's
 * id) in the transaction that does it, so a user always sees who looked and what was done.
 * Financial data is out of reach by construction: every other subgraph scopes by the caller, and
 * an operator calls as themselves.
 */
export class AdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** By id, or by part of the e-mail address (case-insensitive), ordered by address. */
  async findUsers(operator: Operator, search: string, first: number): Promise<AdminUserView[]> {
    const term = search.trim();
    if (first < 1 || first > MAX_RESULTS) throw badInput(`first must be between 1 and ${MAX_RESULTS}`, { field: "first" });
    const byId: boolean = isUuid(term);
    if (!byId && term.length < MIN_SEARCH_LENGTH) throw badSearch();
    return this.dataSource.transaction(async (manager) => {
      const qb = manager.getRepository(UserEntity).createQueryBuilder("u").orderBy("u.email").take(first);
      if (byId) qb.where("u.id = :id", { id: term });
      else qb.where("u.email LIKE :pattern ESCAPE '\\'", { pattern: `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      const users = await qb.getMany();
      for (const user of users) await this.record(manager, user.id, AuditEventType.ADMIN_LOOKED_UP, operator, { search: term });
      return this.views(manager, users);
    });
  }

  async securityLog(operator: Operator, userId: string, first: number, before?: string): Promise<AuditEventEntity[]> {
    if (first < 1 || first > 200) throw badInput("first must be between 1 and 200", { field: "first" });
    await this.dataSource.transaction(async (manager) => {
      await this.userOrNotFound(manager, userId);
      await this.record(manager, userId, AuditEventType.ADMIN_VIEWED_SECURITY_LOG, operator);
    });
    return this.audit.list(userId, first, before);
  }

  /** Locks the account and ends every session; locking a locked account changes nothing. */
  async lock(operator: Operator, userId: string, reason: string): Promise<AdminUserView> {
    const why = reason.trim();
    if (why.length === 0 || why.length > MAX_REASON_LENGTH) throw badReason();
    if (userId === operator.userId) throw cannotLockYourself();
    return this.dataSource.transaction(async (manager) => {
      const user = await this.userOrNotFound(manager, userId, true);
      if (!user.lockedAt) {
        Object.assign(user, { lockedAt: this.clock.now(), lockedReason: why, updatedAt: this.clock.now() });
        await manager.save(user);
        const sessionsRevoked = await this.sessions.revokeAll(user.id, "locked-by-operator", manager);
        await this.record(manager, user.id, AuditEventType.ADMIN_LOCKED, operator, { reason: why, sessionsRevoked });
      }
      return (await this.views(manager, [user]))[0]!;
    });
  }

  async unlock(operator: Operator, userId: string): Promise<AdminUserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.userOrNotFound(manager, userId, true);
      if (user.lockedAt) {
        Object.assign(user, { lockedAt: null, lockedReason: null, updatedAt: this.clock.now() });
        await manager.save(user);
        await this.record(manager, user.id, AuditEventType.ADMIN_UNLOCKED, operator);
      }
      return (await this.views(manager, [user]))[0]!;
    });
  }

  /** Ends every session of the user; returns how many. */
  async signOut(operator: Operator, userId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await this.userOrNotFound(manager, userId, true);
      const count = await this.sessions.revokeAll(userId, "signed-out-by-operator", manager);
      await this.record(manager, userId, AuditEventType.ADMIN_SIGNED_OUT, operator, { sessionsRevoked: count });
      return count;
    });
  }

  private async userOrNotFound(manager: EntityManager, userId: string, forUpdate = false): Promise<UserEntity> {
    const user = isUuid(userId)
      ? await manager.findOne(UserEntity, { where: { id: userId }, lock: forUpdate ? { mode: "pessimistic_write" } : undefined })
      : null;
    if (!user) throw notFound("user");
    return user;
  }

  private record(manager: EntityManager, userId: string, type: AuditEventType, operator: Operator, details: Record<string, unknown> = {}) {
    return this.audit.record(userId, type, operator.client, { ...details, operatorId: operator.userId }, manager);
  }

  private async views(manager: EntityManager, users: UserEntity[]): Promise<AdminUserView[]> {
    if (users.length === 0) return [];
    const rows = (await manager.query(
      `SELECT u.id,
              (SELECT count(*)::int FROM identity.sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > $2) AS active,
              (SELECT max(s.last_seen_at) FROM identity.sessions s WHERE s.user_id = u.id) AS last_seen,
              EXISTS (SELECT 1 FROM identity.user_roles r WHERE r.user_id = u.id AND r.role = 'admin') AS admin
       FROM identity.users u WHERE u.id = ANY($1::uuid[])`,
      [users.map((u) => u.id), this.clock.now()],
    )) as Array<{ id: string; active: number; last_seen: Date | string | null; admin: boolean }>;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return users.map((user) => {
      const row = byId.get(user.id);
      return {
        user,
        activeSessions: row?.active ?? 0,
        lastSeenAt: row?.last_seen ? new Date(row.last_seen) : null,
        admin: row?.admin ?? false,
      };
    });
  }
}
