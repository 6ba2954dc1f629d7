import type { DataSource } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { LoginThrottle } from "../auth/login-throttle.js";
import { legacySwitchesOf } from "../notifications/notification-preferences.js";
import type { PasswordService } from "../passwords/password.service.js";
import type { SessionService } from "../sessions/session.service.js";
import { isValidEmail, normalizeEmail } from "../users/email.js";
import { UserEntity } from "../users/user.entity.js";
import { addressKey, type HourlyLimit } from "./email-throttle.js";
import { EmailTokenPurpose } from "./email-token.entity.js";
import { type EmailTokenService, invalidLink } from "./email-token.service.js";
import type { EmailVerificationService } from "./email-verification.service.js";
import type { MailOutbox } from "./mail-outbox.js";
import { passwordChangedMail, passwordResetMail } from "./mail-templates.js";

export const RESET_TTL_MS = 3_600_000;

/**
 * "Forgot my password" by e-mail link. Also how an account that signs in externally gets a
 * password. Asking never tells whether an address has an account.
 */
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly tokens: EmailTokenService,
    private readonly verification: EmailVerificationService,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly appUrl: string,
    private readonly limits: { perIp: HourlyLimit; perEmail: HourlyLimit },
  ) {}

  /**
   * Mails a reset link when the address has an account. Callers always get the same answer, and
   * both paths do the same lookup in a transaction; the mail itself goes out after commit, so SMTP
   * time never shows in the response. Unknown addresses count towards the limits alike.
   */
  async request(rawEmail: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(rawEmail);
    if (client.ip) await this.limits.perIp.hit(client.ip);
    await this.limits.perEmail.hit(addressKey(email));
    if (!isValidEmail(email)) return;
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneBy(UserEntity, { email });
      if (!user) return;
      const token = await this.tokens.issue(manager, user.id, EmailTokenPurpose.RESET_PASSWORD, RESET_TTL_MS);
      await this.outbox.add(manager, { userId: user.id, to: user.email, ...passwordResetMail(this.appUrl, token) });
      await this.audit.record(user.id, AuditEventType.PASSWORD_RESET_REQUESTED, client, {}, manager);
    });
  }

  /**
   * Sets the new password and, in the same transaction: uses the token up and voids the user's
   * other reset links, signs every session out (a reset usually means someone else may be in),
   * records the reset and marks the address verified (the link proved control of it).
   */
  async reset(token: string, newPassword: string, client: ClientInfo, traceId: string): Promise<void> {
    this.passwords.assertAcceptable(newPassword);
    // Checked before hashing, so a garbage token costs no argon2 work.
    const userId = await this.tokens.check(this.dataSource.manager, token, EmailTokenPurpose.RESET_PASSWORD);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw invalidLink("TOKEN_INVALID");
    this.passwords.assertAcceptable(newPassword, user.email);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      // The check above was not a claim: the conditional update decides, and names the same user.
      if ((await this.tokens.consume(manager, token, EmailTokenPurpose.RESET_PASSWORD)) !== user.id) throw invalidLink("TOKEN_INVALID");
      const now = this.clock.now();
      await manager.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: now });
      await this.tokens.voidOpen(manager, user.id, EmailTokenPurpose.RESET_PASSWORD);
      const revokedSessions = await this.sessions.revokeAll(user.id, "password-reset", manager);
      await this.audit.record(user.id, AuditEventType.PASSWORD_RESET, client, { revokedSessions }, manager);
      await this.verification.markVerified(manager, user.id, client, "password-reset", traceId);
      if (legacySwitchesOf(user.notificationPreferences).securityAlerts) {
        await this.outbox.add(manager, { userId: user.id, to: user.email, ...passwordChangedMail("reset") });
      }
    });
    // Guesses at the old password no longer matter; the new one starts with a clean count.
    await this.throttle.unlock(user.email);
  }
}
