import { defineIdentityModule } from "../identity.module.js";
import { CreateEmailFlows1763769600120 } from "../migrations/1763769600120-create-email-flows.js";
import { loadEmailConfig } from "./email.config.js";
import { EmailTokenEntity } from "./email-token.entity.js";
import { EmailTokenService } from "./email-token.service.js";
import { HourlyLimit } from "./email-throttle.js";
import { EmailResolver } from "./email.resolver.js";
import { EmailVerificationService } from "./email-verification.service.js";
import { MailDispatcher } from "./mail-dispatcher.js";
import { MailMessageEntity } from "./mail-message.entity.js";
import { MailOutbox } from "./mail-outbox.js";
import { createMailer } from "./mailer.js";
import { PasswordChangeService } from "./password-change.service.js";
import { PasswordResetService } from "./password-reset.service.js";

/**
 * E-mail verification, password reset and change, and the outgoing-mail outbox with its
 * dispatcher. Hooks into registration (verification link) and the data export (mails sent).
 */
export const emailModule = defineIdentityModule({
  resolvers: [EmailResolver],
  entities: [EmailTokenEntity, MailMessageEntity],
  migrations: [CreateEmailFlows1763769600120],
  create: (core, kit) => {
    const config = loadEmailConfig();
    const logger = kit.logger.child({ module: "email" });
    const { dataSource, clock, ids, cache } = kit;
    const mailer = createMailer(config, logger);
    logger.info({ transport: config.smtpUrl ? "smtp" : "log" }, "mail transport");
    const outbox = new MailOutbox(dataSource, clock, ids);
    const dispatcher = new MailDispatcher({ dataSource, mailer, outbox, clock, logger });
    const tokens = new EmailTokenService(clock, ids);
    const verification = new EmailVerificationService(
      dataSource,
      tokens,
      outbox,
      core.audit,
      clock,
      core.config.appUrl,
      new HourlyLimit(cache, "email:verify:user", config.verificationRequestsPerHour),
    );
    const passwordReset = new PasswordResetService(dataSource, core.passwords, core.sessions, core.throttle, tokens, verification, outbox, core.audit, clock, core.config.appUrl, {
      perIp: new HourlyLimit(cache, "email:reset:ip", config.resetRequestsPerIpPerHour),
      perEmail: new HourlyLimit(cache, "email:reset:address", config.resetRequestsPerEmailPerHour),
    });
    const passwordChange = new PasswordChangeService(dataSource, core.passwords, core.sessions, core.throttle, tokens, outbox, core.audit, clock);

    core.auth.onRegistered((manager, user) => verification.sendLink(manager, user));
    core.account.addExportSection("emails", (userId, manager) =>
      manager.query(`SELECT id, to_address, subject, created_at, sent_at FROM identity.mail_messages WHERE user_id = $1 ORDER BY created_at, id`, [userId]),
    );

    dispatcher.start();
    // Hourly is plenty: old rows cost only space, and these deletes scan.
    const housekeeping = setInterval(() => {
      if (!dataSource.isInitialized) return;
      void dispatcher.prune();
      tokens.prune(dataSource).catch((err: unknown) => logger.warn({ err }, "email token prune failed"));
    }, 3_600_000);
    housekeeping.unref();

    return {
      config,
      mailer,
      outbox,
      dispatcher,
      tokens,
      verification,
      passwordReset,
      passwordChange,
      /** Stops the dispatcher (after its current delivery) and housekeeping. */
      stop: async () => {
        clearInterval(housekeeping);
        await dispatcher.stop();
      },
    };
  },
  close: (deps) => deps.stop(),
});
