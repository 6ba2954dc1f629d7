import type { Logger } from "pino";
import type { Mailer, MailMessage } from "./mailer.js";

/**
 * Development transport: "sends" by logging. The body, which may hold a live link, is logged only
 * at debug level; identity.mail_messages keeps it for whoever needs to click it.
 */
export class LogMailer implements Mailer {
  constructor(private readonly logger: Logger) {}

  async send(message: MailMessage): Promise<void> {
    this.logger.info({ to: message.to, subject: message.subject }, "mail (log transport; set SMTP_URL to deliver)");
    this.logger.debug({ to: message.to, text: message.text }, "mail body");
  }
}
