import { z } from "zod";

import { ConfigError } from "../../../platform/config/index.js";
import { secretKeyFromEnv } from "../../../platform/crypto/index.js";
import { type BackoffPolicy, DEFAULT_BACKOFF } from "./webhook-backoff.js";

/** What a webhook URL may point at; see webhook-url.guard.ts. */
export interface UrlPolicy {
  /** Plain http accepted (always outside production). */
  allowHttp: boolean;
  /** Private, loopback, link-local, CGNAT and unique-local addresses accepted. */
  allowPrivateNetworks: boolean;
  /** Loopback only (tests and local development receivers). */
  allowLoopback: boolean;
}

/** Webhooks' settings, read when insights starts. */
export interface WebhookConfig {
  urls: UrlPolicy;
  /** AES-256 key for signing secrets at rest. */
  secretKey: Buffer;
  backoff: BackoffPolicy;
  /** Failed attempts in a row, across the endpoint's deliveries, that disable it. */
  disableAfterFailures: number;
  /** How often the worker looks for due deliveries when it found none. */
  pollMs: number;
  /** Deliveries in flight at once per instance. */
  concurrency: number;
  /** Whole request, connection to last byte read. */
  timeoutMs: number;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return false;
  if (raw !== "true" && raw !== "false") throw new ConfigError(name, 'must be "true" or "false"');
  return raw === "true";
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be an integer between ${min} and ${max}`);
  return parsed.data;
}

export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  // The platform's rule for NODE_ENV (platform/config): unset means development.
  const production = (env.NODE_ENV ?? "development") === "production";
  return {
    urls: {
      allowHttp: !production || flag(env, "WEBHOOKS_ALLOW_HTTP"),
      allowPrivateNetworks: flag(env, "WEBHOOKS_ALLOW_PRIVATE_NETWORKS"),
      allowLoopback: flag(env, "WEBHOOKS_ALLOW_LOOPBACK"),
    },
    secretKey: secretKeyFromEnv(env, "WEBHOOK_SECRET_KEY", "webhook secret", production),
    backoff: {
      ...DEFAULT_BACKOFF,
      baseMs: int(env, "WEBHOOK_RETRY_BASE_MS", DEFAULT_BACKOFF.baseMs, 10, 3_600_000),
    },
    disableAfterFailures: int(env, "WEBHOOK_DISABLE_AFTER_FAILURES", 20, 1, 1000),
    pollMs: int(env, "WEBHOOK_POLL_MS", 1000, 10, 60_000),
    concurrency: int(env, "WEBHOOK_CONCURRENCY", 10, 1, 200),
    timeoutMs: 10_000,
  };
}
