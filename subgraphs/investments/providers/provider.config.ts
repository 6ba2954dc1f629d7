import { z } from "zod";

import { ConfigError } from "../../../platform/config/index.js";

export const STOOQ_URL = "https://stooq.com/q/d/l/";

/** Where daily closes come from and how often shared securities are refreshed. */
export interface PriceProviderConfig {
  /** PRICE_PROVIDER_URL: the feed's daily-CSV endpoint. */
  url: string;
  /** PRICE_PROVIDER_TIMEOUT_MS: one request, connection to last byte. */
  timeoutMs: number;
  /** PRICE_REFRESH_EVERY_MINUTES: how often the job looks for securities not refreshed today; 0 turns it off. */
  refreshEveryMinutes: number;
  /** PRICE_REFRESH_RETRY_MINUTES: a security whose fetch failed waits this long before the next try. */
  retryAfterMinutes: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be an integer between ${min} and ${max}`);
  return parsed.data;
}

export function loadPriceProviderConfig(env: NodeJS.ProcessEnv = process.env): PriceProviderConfig {
  const url = env.PRICE_PROVIDER_URL || STOOQ_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("PRICE_PROVIDER_URL", "must be an http(s) URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new ConfigError("PRICE_PROVIDER_URL", "must be an http(s) URL");
  return {
    url,
    timeoutMs: int(env, "PRICE_PROVIDER_TIMEOUT_MS", 15_000, 100, 120_000),
    refreshEveryMinutes: int(env, "PRICE_REFRESH_EVERY_MINUTES", 60, 0, 1_440),
    retryAfterMinutes: int(env, "PRICE_REFRESH_RETRY_MINUTES", 60, 1, 1_440),
  };
}
