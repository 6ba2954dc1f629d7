import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { badInput, unauthenticated } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { IDENTITY_USER_TOPIC, USER_DELETED, type UserDeletedV1 } from "../../../schema/events/identity.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { LoginThrottle } from "../auth/login-throttle.js";
import type { PasswordService } from "../passwords/password.service.js";
import type { SessionService } from "../sessions/session.service.js";
import { UserEntity } from "../users/user.entity.js";

/** A part of the identity export; every feature that stores user data provides one. */
export type ExportSection = (userId: string, manager: EntityManager) => Promise<unknown>;

export interface DataExport {
  filename: string;
  contentType: string;
  content: string;
}

/** Account-wide operations: deletion and the personal-data export. */
export class AccountService {
  private readonly sections = new Map<string, ExportSection>();

  constructor(
    private readonly dataSource: DataSource,
    /** The sections of the features beside the account's own (MFA, mails, API keys...), in export order. */
    featureSections: Record<string, ExportSection>,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {
    this.sections.set("profile", async (userId, m) => {
      const u = await m.findOneByOrFail(UserEntity, { id: userId });
      return {
        id: u.id,
        email: u.email,
        emailVerifiedAt: u.emailVerifiedAt,
        displayName: u.displayName,
        timezone: u.timezone,
        locale: u.locale,
        preferences: {
          baseCurrency: u.baseCurrency,
          firstDayOfWeek: u.firstDayOfWeek,
          monthStartDay: u.monthStartDay,
          salaryDay: u.salaryDay,
        },
        notificationPreferences: u.notificationPreferences,
        mfaEnabledAt: u.mfaEnabledAt,
        createdAt: u.createdAt,
      };
    });
    this.sections.set("sessions", (userId, m) =>
      m.query(
        `SELECT id, device, ip, created_at, last_seen_at, expires_at, revoked_at, revoked_reason FROM identity.sessions WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      ),
    );
    this.sections.set("securityEvents", (userId, m) =>
      m.query(
        `SELECT id, type, ip, user_agent, details, occurred_at FROM identity.audit_events WHERE user_id = $1 ORDER BY occurred_at, id`,
        [userId],
      ),
    );
    for (const [name, section] of Object.entries(featureSections)) this.sections.set(name, section);
  }

  /** Everything identity holds about the user, as one JSON document (secrets and hashes left out). */
  async export(userId: string, client: ClientInfo): Promise<DataExport> {
    const document: Record<string, unknown> = { exportedAt: this.clock.now().toISOString(), source: "moneta-identity" };
    await this.dataSource.transaction("REPEATABLE READ", async (manager) => {
      for (const [name, section] of this.sections) document[name] = await section(userId, manager);
    });
    await this.audit.record(userId, AuditEventType.DATA_EXPORTED, client);
    return {
      filename: `moneta-identity-${userId}.json`,
      contentType: "application/json",
      content: JSON.stringify(document, null, 2),
    };
  }

  /**
   * Deletes the account after re-checking the password (guesses count towards the lockout), and
   * announces UserDeleted in the same transaction so every subgraph purges its data.
   */
  async delete(userId: string, password: string, client: ClientInfo, traceId: string): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw unauthenticated();
    if (!user.passwordHash) throw badInput("set a password (reset it by e-mail) before deleting an account that signs in externally");
    await this.throttle.assertAllowed(user.email, client.ip);
    if (!(await this.passwords.verify(user.passwordHash, password))) {
      await this.throttle.recordFailure(user.email, client.ip, this.clock.now());
      throw unauthenticated("wrong password");
    }
    await this.dataSource.transaction(async (manager) => {
      const data: UserDeletedV1 = { userId };
      await this.outbox.add(manager, traceId, [{ topic: IDENTITY_USER_TOPIC, type: USER_DELETED, key: userId, data }]);
      // Sessions, tokens, keys, codes and the audit log go with the user (ON DELETE CASCADE).
      await manager.delete(UserEntity, { id: userId });
    });
  }
}
