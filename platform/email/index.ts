export { createMailer } from "./create-mailer.js";
export { LogMailer, type LogMailerOptions } from "./log-mailer.js";
export { DEFAULT_MAIL_FROM, loadMailTransportConfig, type MailTransportConfig } from "./mail-transport.config.js";
export type { Mailer, MailMessage } from "./mailer.js";
export { SmtpMailer } from "./smtp-mailer.js";
