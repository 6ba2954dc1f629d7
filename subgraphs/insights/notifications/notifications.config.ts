import { ConfigError } from "../../../platform/config/index.js";
import { loadMailTransportConfig, type MailTransportConfig } from "../../../platform/email/index.js";

export interface NotificationsConfig extends MailTransportConfig {
  /** Where links in e-mails point (the web app), as identity's APP_URL. */
  appUrl: string;
}

/** SMTP_URL and MAIL_FROM as identity reads them (platform/email), and APP_URL for links. */
export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const appUrl = env.APP_URL ?? "http://localhost:3000";
  try {
    new URL(appUrl);
  } catch {
    throw new ConfigError("APP_URL", "must be a URL");
  }
  return { ...loadMailTransportConfig(env), appUrl };
}
