import { z } from "zod";

import { ConfigError } from "../../platform/config/index.js";

/** Identity's own settings, validated when the subgraph starts. */
export interface IdentityConfig {
  /** Base URL of the web app, for links in e-mails (verification, reset). */
  appUrl: string;
  /** Where the gateway is reached from outside, for calendar feed URLs; CALENDAR_FEED_BASE_URL, else APP_URL. */
  calendarFeedBaseUrl: string;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  refreshTokenTtlDays: number;
  throttle: {
    /** Failed logins per account within the window before a lockout. */
    accountFailures: number;
    /** Failed logins per IP within the window. */
    ipFailures: number;
    windowMinutes: number;
    lockoutMinutes: number;
    /** Wrong MFA codes per user within the window. */
    mfaFailures: number;
    /** Accounts one IP may register per hour. */
    registrationsPerIpPerHour: number;
  };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be an integer between ${min} and ${max}`);
  return parsed.data;
}

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const appUrl = env.APP_URL ?? "http://localhost:3000";
  try {
    new URL(appUrl);
  } catch {
    throw new ConfigError("APP_URL", "must be a URL");
  }
  const calendarFeedBaseUrl = env.CALENDAR_FEED_BASE_URL || appUrl;
  try {
    new URL(calendarFeedBaseUrl);
  } catch {
    throw new ConfigError("CALENDAR_FEED_BASE_URL", "must be a URL");
  }
  return {
    appUrl,
    calendarFeedBaseUrl,
    // OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
    argon2: {
      memoryCost: int(env, "ARGON2_MEMORY_KIB", 19_456, 19_456, 1_048_576),
      timeCost: int(env, "ARGON2_ITERATIONS", 2, 2, 10),
      parallelism: 1,
    },
    refreshTokenTtlDays: int(env, "REFRESH_TOKEN_TTL_DAYS", 30, 1, 365),
    throttle: {
      accountFailures: int(env, "LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1000),
      ipFailures: int(env, "LOGIN_MAX_FAILURES_PER_IP", 50, 1, 100_000),
      windowMinutes: int(env, "LOGIN_FAILURE_WINDOW_MINUTES", 15, 1, 1440),
      lockoutMinutes: int(env, "LOGIN_LOCKOUT_MINUTES", 15, 1, 1440),
      mfaFailures: int(env, "MFA_MAX_FAILURES", 5, 1, 100),
      registrationsPerIpPerHour: int(env, "REGISTRATIONS_PER_IP_PER_HOUR", 20, 1, 1_000_000),
    },
  };
}
