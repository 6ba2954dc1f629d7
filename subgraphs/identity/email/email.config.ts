import { z } from "zod";

import { ConfigError } from "../../../platform/config/index.js";
import { loadMailTransportConfig, type MailTransportConfig } from "../../../platform/email/index.js";

/** Settings of the e-mail module, validated when the identity subgraph starts. */
export interface EmailConfig extends MailTransportConfig {
  /** Verification mails a signed-in user may ask for per hour. */
  verificationRequestsPerHour: number;
  /** Reset requests per target address per hour, whether or not an account has it. */
  resetRequestsPerEmailPerHour: number;
  /** Reset requests one IP may make per hour, across addresses. */
  resetRequestsPerIpPerHour: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be an integer between ${min} and ${max}`);
  return parsed.data;
}

export function loadEmailConfig(env: NodeJS.ProcessEnv = process.env): EmailConfig {
  return {
    ...loadMailTransportConfig(env),
    verificationRequestsPerHour: int(env, "EMAIL_VERIFICATION_REQUESTS_PER_HOUR", 5, 1, 1000),
    resetRequestsPerEmailPerHour: int(env, "PASSWORD_RESET_REQUESTS_PER_EMAIL_PER_HOUR", 5, 1, 1000),
    resetRequestsPerIpPerHour: int(env, "PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR", 30, 1, 1_000_000),
  };
}
