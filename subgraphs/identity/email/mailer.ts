import type { Logger } from "pino";
import type { EmailConfig } from "./email.config.js";
import { LogMailer } from "./log-mailer.js";
import { SmtpMailer } from "./smtp-mailer.js";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; no HTML, so nothing in a mail can be rendered as markup. */
  text: string;
}

/**
 * A mail transport. Code never calls it directly: mails go through the outbox table
 * ({@link MailOutbox}) and the dispatcher delivers them after commit.
 */
export interface Mailer {
  /** Resolves once the transport has accepted the message; rejects to have it retried later. */
  send(message: MailMessage): Promise<void>;
  close?(): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise the log transport (the table is what a developer reads). */
export function createMailer(config: EmailConfig, logger: Logger): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new LogMailer(logger, { logLinks: config.logLinks });
}
