import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { unauthenticated } from "../../../platform/errors/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { NotificationSettingsPublisher } from "../notifications/notification-settings.publisher.js";
import { UserEntity } from "../users/user.entity.js";
import type { HourlyLimit } from "./email-throttle.js";
import { EmailTokenPurpose } from "./email-token.entity.js";
import type { EmailTokenService } from "./email-token.service.js";
import type { MailOutbox } from "./mail-outbox.js";
import { verificationMail } from "./mail-templates.js";

export const VERIFICATION_TTL_MS = 24 * 3_600_000;

/** Proves the account owner receives mail at the account's address. */
export class EmailVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: EmailTokenService,
    private readonly outbox: MailOutbox,
    private readonly audit: AuditService,
    private readonly notificationSettings: NotificationSettingsPublisher,
    private readonly clock: Clock,
    private readonly appUrl: string,
    private readonly perUser: HourlyLimit,
  ) {}

  /** Mails a fresh link, in the caller's transaction (registration runs it in its own). */
  async sendLink(manager: EntityManager, user: Pick<UserEntity, "id" | "email">): Promise<void> {
    const token = await this.tokens.issue(manager, user.id, EmailTokenPurpose.VERIFY_EMAIL, VERIFICATION_TTL_MS);
    await this.outbox.add(manager, { userId: user.id, to: user.email, ...verificationMail(this.appUrl, token) });
  }

  /** Resends the link; earlier links stay valid until they expire. Verified accounts get nothing. */
  async request(userId: string): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw unauthenticated();
    if (user.emailVerifiedAt) return;
    await this.perUser.hit(userId);
    await this.dataSource.transaction((manager) => this.sendLink(manager, user));
  }

  async verify(token: string, client: ClientInfo, traceId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume(manager, token, EmailTokenPurpose.VERIFY_EMAIL);
      await this.tokens.voidOpen(manager, userId, EmailTokenPurpose.VERIFY_EMAIL);
      await this.markVerified(manager, userId, client, "link", traceId);
    });
  }

  /** Sets email_verified_at once (the first proof's time stays), audits it and announces the settings. */
  async markVerified(
    manager: EntityManager,
    userId: string,
    client: ClientInfo,
    via: "link" | "password-reset",
    traceId: string,
  ): Promise<void> {
    const now = this.clock.now();
    const [, count] = (await manager.query(
      `UPDATE identity.users SET email_verified_at = $2, updated_at = $2 WHERE id = $1 AND email_verified_at IS NULL`,
      [userId, now],
    )) as [unknown, number];
    if (count === 0) return;
    await this.audit.record(userId, AuditEventType.EMAIL_VERIFIED, client, { via }, manager);
    await this.notificationSettings.publish(manager, traceId, userId);
  }
}
