import type { Logger } from "pino";

import type { Mailer, MailMessage } from "./mailer.js";

export interface LogMailerOptions {
  /**
   * Log the mail's links (verification, password reset) at info level, so someone trying Moneta
   * without SMTP can verify their address from the console. Development only (see EmailConfig):
   * a link is as good as the password it resets.
   */
  logLinks?: boolean;
}

/** Links in our plain-text templates stand on a line of their own and contain no spaces. */
const LINK = /https?:\/\/\S+/g;

/**
 * Development transport: "sends" by logging. Outside development the body is logged at debug level
 * with its links withheld (a verification or reset link carries a live token, and debug logs get
 * shipped too); identity.mail_messages keeps the whole body for whoever needs to click it.
 */
export class LogMailer implements Mailer {
  constructor(
    private readonly logger: Logger,
    private readonly options: LogMailerOptions = {},
  ) {}

  async send(message: MailMessage): Promise<void> {
    const links = this.options.logLinks ? message.text.match(LINK) : null;
    if (links)
      this.logger.info(
        { to: message.to, subject: message.subject, links },
        "mail (log transport; set SMTP_URL to deliver): open the link to continue",
      );
    else this.logger.info({ to: message.to, subject: message.subject }, "mail (log transport; set SMTP_URL to deliver)");
    const text = this.options.logLinks ? message.text : message.text.replace(LINK, "[link withheld]");
    this.logger.debug({ to: message.to, text }, "mail body");
  }
}
