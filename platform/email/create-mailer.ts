import type { Logger } from "pino";

import { LogMailer } from "./log-mailer.js";
import type { MailTransportConfig } from "./mail-transport.config.js";
import type { Mailer } from "./mailer.js";
import { SmtpMailer } from "./smtp-mailer.js";

/** SMTP when SMTP_URL is set, otherwise the log transport; logs which one was chosen. */
export function createMailer(config: MailTransportConfig, logger: Logger): Mailer {
  logger.info({ transport: config.smtpUrl ? "smtp" : "log" }, "mail transport");
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(logger, { logLinks: config.logLinks });
}
