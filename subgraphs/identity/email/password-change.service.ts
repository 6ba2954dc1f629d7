import type { DataSource } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { badInput, conflict, unauthenticated } from "../../../platform/errors/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { LoginThrottle } from "../auth/login-throttle.js";
import { legacySwitchesOf } from "../notifications/notification-preferences.js";
import type { PasswordService } from "../passwords/password.service.js";
import type { SessionService } from "../sessions/session.service.js";
import { UserEntity } from "../users/user.entity.js";
import { EmailTokenPurpose } from "./email-token.entity.js";
import type { EmailTokenService } from "./email-token.service.js";
import type { MailOutbox } from "./mail-outbox.js";
import { passwordChangedMail } from "./mail-templates.js";

/** A signed-in user replaces their password, proving they know the current one. */
export class PasswordChangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly tokens: EmailTokenService,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Wrong current passwords count towards the login lockout: a stolen session must not become an
   * unthrottled password oracle. Every other session is signed out; the caller's stays.
   */
  async change(
    userId: string,
    sessionId: string | undefined,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw unauthenticated();
    if (!user.passwordHash) throw badInput("this account has no password yet; set one with a password reset", { reason: "NO_PASSWORD" });
    this.passwords.assertAcceptable(newPassword, user.email);
    if (newPassword === currentPassword)
      throw badInput("the new password must differ from the current one", { field: "newPassword", reason: "UNCHANGED" });
    await this.throttle.assertAllowed(user.email, client.ip);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      const lockedUntil = await this.throttle.recordFailure(user.email, client.ip, this.clock.now());
      if (lockedUntil) await this.audit.record(user.id, AuditEventType.ACCOUNT_LOCKED, client, { until: lockedUntil.toISOString() });
      throw unauthenticated("wrong password");
    }
    await this.throttle.recordSuccess(user.email);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      // Conditional on the hash we verified against: a reset that landed meanwhile wins.
      const [, changed] = (await manager.query(
        `UPDATE identity.users SET password_hash = $2, updated_at = $3 WHERE id = $1 AND password_hash = $4`,
        [user.id, passwordHash, this.clock.now(), user.passwordHash],
      )) as [unknown, number];
      if (changed === 0) throw conflict("the password was changed meanwhile; sign in again");
      // A reset link mailed before the change would otherwise undo it.
      await this.tokens.voidOpen(manager, user.id, EmailTokenPurpose.RESET_PASSWORD);
      const revokedSessions = await this.sessions.revokeAll(user.id, "password-changed", manager, sessionId);
      await this.audit.record(user.id, AuditEventType.PASSWORD_CHANGED, client, { revokedSessions }, manager);
      if (legacySwitchesOf(user.notificationPreferences).securityAlerts) {
        await this.outbox.add(manager, { userId: user.id, to: user.email, ...passwordChangedMail("changed") });
      }
    });
  }
}
