import validator from "validator";

import { ConfigError } from "../config/index.js";

/** Where mail goes: the SMTP server and the sender, shared by every subgraph that sends mail. */
export interface MailTransportConfig {
  /** `smtp://user:pass@host:587` or `smtps://...:465`; unset = mails are only logged. */
  smtpUrl?: string;
  /** Sender, `Name <address>` or a bare address. */
  mailFrom: string;
  /**
   * The log transport writes the links of a mail at info level, so a newcomer without SMTP can
   * follow them. Only in development (NODE_ENV unset or `development`): anywhere else a link in a
   * log is a credential in a log.
   */
  logLinks: boolean;
}

export const DEFAULT_MAIL_FROM = "Moneta <no-reply@localhost>";

/** Never echoes the value: an SMTP URL carries the password. */
function smtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError("SMTP_URL", "must be a URL like smtp://user:pass@host:587");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new ConfigError("SMTP_URL", "must start with smtp:// or smtps://");
  if (!url.hostname) throw new ConfigError("SMTP_URL", "must name a host");
  if (url.port !== "" && !(Number(url.port) >= 1 && Number(url.port) <= 65535)) throw new ConfigError("SMTP_URL", "has an invalid port");
  return url.toString();
}

function mailFrom(raw: string | undefined): string {
  const value = raw === undefined || raw.trim() === "" ? DEFAULT_MAIL_FROM : raw.trim();
  // A line break would let the setting inject headers into every mail.
  if (/[\r\n]/.test(value)) throw new ConfigError("MAIL_FROM", "must be one line");
  const address = /<([^<>]+)>$/.exec(value)?.[1] ?? value;
  if (!validator.isEmail(address, { require_tld: false, allow_utf8_local_part: false })) {
    throw new ConfigError("MAIL_FROM", "must be an e-mail address, optionally as 'Name <address>'");
  }
  return value;
}

/** Reads SMTP_URL and MAIL_FROM; a bad value stops boot naming the setting. */
export function loadMailTransportConfig(env: NodeJS.ProcessEnv = process.env): MailTransportConfig {
  return {
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: mailFrom(env.MAIL_FROM),
    // The platform's rule for NODE_ENV (platform/config): unset means development.
    logLinks: (env.NODE_ENV ?? "development") === "development",
  };
}
