import validator from "validator";
import { z } from "zod";

import { ConfigError } from "../../../platform/config/index.js";

/** Settings of the e-mail module, validated when the identity subgraph starts. */
export interface EmailConfig {
  /** `smtp://user:pass@host:587` or `smtps://...:465`; unset = mails are only logged (and kept in the table). */
  smtpUrl?: string;
  /** Sender, `Name <address>` or a bare address. */
  mailFrom: string;
  /** Verification mails a signed-in user may ask for per hour. */
  verificationRequestsPerHour: number;
  /** Reset requests per target address per hour, whether or not an account has it. */
  resetRequestsPerEmailPerHour: number;
  /** Reset requests one IP may make per hour, across addresses. */
  resetRequestsPerIpPerHour: number;
  /**
   * The log transport writes the links of a mail (verification, password reset) at info level, so a
   * newcomer without SMTP can follow them. Only in development (NODE_ENV unset or `development`):
   * anywhere else a link in a log is a credential in a log.
   */
  logLinks: boolean;
}

export const DEFAULT_MAIL_FROM = "Moneta <no-reply@localhost>";

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be an integer between ${min} and ${max}`);
  return parsed.data;
}

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

export function loadEmailConfig(env: NodeJS.ProcessEnv = process.env): EmailConfig {
  return {
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: mailFrom(env.MAIL_FROM),
    verificationRequestsPerHour: int(env, "EMAIL_VERIFICATION_REQUESTS_PER_HOUR", 5, 1, 1000),
    resetRequestsPerEmailPerHour: int(env, "PASSWORD_RESET_REQUESTS_PER_EMAIL_PER_HOUR", 5, 1, 1000),
    resetRequestsPerIpPerHour: int(env, "PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR", 30, 1, 1_000_000),
    // The platform's rule for NODE_ENV (platform/config): unset means development.
    logLinks: (env.NODE_ENV ?? "development") === "development",
  };
}
