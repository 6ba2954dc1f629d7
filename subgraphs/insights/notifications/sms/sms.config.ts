import { ConfigError } from "../../../../platform/config/index.js";
import type { TwilioSettings } from "./twilio.provider.js";

export interface SmsConfig {
  provider: "log" | "twilio";
  twilio?: TwilioSettings;
  /** The gateway's public base URL; status callbacks are asked for at `<base>/sms/status`. Unset: none. */
  callbackBaseUrl?: string;
  /** Texts one user may be sent in any 24 hours (verification codes included). */
  dailyCapPerUser: number;
  /** Development: the log provider writes verification codes out. */
  logCodes: boolean;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error("scheme");
    return raw.replace(/\/+$/, "");
  } catch {
    throw new ConfigError(name, "must be an http(s) URL");
  }
}

/** Reads SMS_PROVIDER and its settings; a bad value stops the start naming the setting (never echoing the token). */
export function loadSmsConfig(env: NodeJS.ProcessEnv = process.env): SmsConfig {
  const provider = (env.SMS_PROVIDER ?? "").trim() || "log";
  if (provider !== "log" && provider !== "twilio") throw new ConfigError("SMS_PROVIDER", "must be twilio or log");
  const base = {
    callbackBaseUrl: url(env, "SMS_CALLBACK_BASE_URL"),
    dailyCapPerUser: integer(env, "SMS_DAILY_CAP_PER_USER", 10, 1, 1000),
    logCodes: (env.NODE_ENV ?? "development") === "development",
  };
  if (provider === "log") return { provider, ...base };
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim() ?? "";
  if (!ACCOUNT_SID.test(accountSid)) throw new ConfigError("TWILIO_ACCOUNT_SID", "must be an account SID (AC and 32 hex digits)");
  const authToken = env.TWILIO_AUTH_TOKEN?.trim() ?? "";
  if (authToken.length < 16) throw new ConfigError("TWILIO_AUTH_TOKEN", "must be set to the account's auth token");
  const from = env.TWILIO_FROM?.trim() ?? "";
  if (!E164.test(from)) throw new ConfigError("TWILIO_FROM", "must be the sending number in E.164 (+15017122661)");
  const apiBaseUrl = url(env, "TWILIO_API_BASE_URL") ?? "https://api.twilio.com";
  return { provider, twilio: { accountSid, authToken, from, apiBaseUrl }, ...base };
}
