import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { AuditEventEntity } from "./audit-event.entity.js";

/** Security events a user can read back about their own account. */
export const AuditEventType = {
  REGISTERED: "REGISTERED",
  LOGIN_SUCCEEDED: "LOGIN_SUCCEEDED",
  LOGIN_FAILED: "LOGIN_FAILED",
  ACCOUNT_LOCKED: "ACCOUNT_LOCKED",
  LOGGED_OUT: "LOGGED_OUT",
  SESSION_REVOKED: "SESSION_REVOKED",
  ALL_SESSIONS_REVOKED: "ALL_SESSIONS_REVOKED",
  REFRESH_TOKEN_REUSED: "REFRESH_TOKEN_REUSED",
  MFA_ENROLLED: "MFA_ENROLLED",
  MFA_ENABLED: "MFA_ENABLED",
  MFA_DISABLED: "MFA_DISABLED",
  MFA_FAILED: "MFA_FAILED",
  BACKUP_CODE_USED: "BACKUP_CODE_USED",
  BACKUP_CODES_REGENERATED: "BACKUP_CODES_REGENERATED",
  EMAIL_VERIFIED: "EMAIL_VERIFIED",
  PASSWORD_RESET_REQUESTED: "PASSWORD_RESET_REQUESTED",
  PASSWORD_RESET: "PASSWORD_RESET",
  PASSWORD_CHANGED: "PASSWORD_CHANGED",
  EXTERNAL_ACCOUNT_LINKED: "EXTERNAL_ACCOUNT_LINKED",
  API_KEY_CREATED: "API_KEY_CREATED",
  API_KEY_REVOKED: "API_KEY_REVOKED",
  CALENDAR_FEED_ROTATED: "CALENDAR_FEED_ROTATED",
  CALENDAR_FEED_REVOKED: "CALENDAR_FEED_REVOKED",
  PROFILE_UPDATED: "PROFILE_UPDATED",
  DATA_EXPORTED: "DATA_EXPORTED",
  // The operator role, granted on the command line, and what operators did to this account.
  ROLE_GRANTED: "ROLE_GRANTED",
  ROLE_REVOKED: "ROLE_REVOKED",
  ADMIN_LOOKED_UP: "ADMIN_LOOKED_UP",
  ADMIN_VIEWED_SECURITY_LOG: "ADMIN_VIEWED_SECURITY_LOG",
  ADMIN_LOCKED: "ADMIN_LOCKED",
  ADMIN_UNLOCKED: "ADMIN_UNLOCKED",
  ADMIN_SIGNED_OUT: "ADMIN_SIGNED_OUT",
} as const;
export type AuditEventType = (typeof AuditEventType)[keyof typeof AuditEventType];

export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Records an event; pass the manager to make it part of the change it describes. */
  async record(
    userId: string,
    type: AuditEventType,
    client: ClientInfo,
    details: Record<string, unknown> = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const event: AuditEventEntity = {
      id: this.ids.next(),
      userId,
      type,
      ip: client.ip ?? null,
      userAgent: client.userAgent ?? null,
      details,
      occurredAt: this.clock.now(),
    };
    // TypeORM's insert typing cannot express a free-form jsonb object.
    await manager.insert(AuditEventEntity, event as never);
  }

  /** Newest first; `before` is the id of the last event of the previous page. */
  async list(userId: string, first: number, before?: string): Promise<AuditEventEntity[]> {
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder("e")
      .where("e.user_id = :userId", { userId })
      .orderBy("e.occurred_at", "DESC")
      .addOrderBy("e.id", "DESC")
      .take(first);
    if (before) {
      qb.andWhere(`(e.occurred_at, e.id) < (SELECT occurred_at, id FROM identity.audit_events WHERE id = :before AND user_id = :userId)`, {
        before,
      });
    }
    return qb.getMany();
  }
}
