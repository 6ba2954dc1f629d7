import { z } from "zod";

import { ConfigError } from "../../../platform/config/index.js";
import { secretKeyFromEnv } from "../../../platform/crypto/index.js";

/** Bank sync's settings, read when the ledger starts. */
export interface BankSyncConfig {
  /** AES-256 key for provider credentials at rest (`BANK_CREDENTIALS_KEY`). */
  credentialsKey: Buffer;
  /** How often each connection is synced on its own. */
  everyMs: number;
  /** How soon a connection whose bank failed transiently is tried again. */
  retryMs: number;
  /** How often an instance looks for connections due. */
  pollMs: number;
  /** Whole provider request, connection to last byte. */
  timeoutMs: number;
  /** How far back the first sync of a connection reads. */
  firstSyncDays: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `must be an integer between ${min} and ${max}`);
  return parsed.data;
}

export function loadBankSyncConfig(env: NodeJS.ProcessEnv = process.env): BankSyncConfig {
  // The platform's rule for NODE_ENV (platform/config): unset means development.
  const production = (env.NODE_ENV ?? "development") === "production";
  return {
    credentialsKey: secretKeyFromEnv(env, "BANK_CREDENTIALS_KEY", "bank credentials", production),
    everyMs: int(env, "BANK_SYNC_EVERY_MINUTES", 360, 1, 10_080) * 60_000,
    retryMs: int(env, "BANK_SYNC_RETRY_MINUTES", 30, 1, 1_440) * 60_000,
    pollMs: int(env, "BANK_SYNC_POLL_MS", 60_000, 50, 3_600_000),
    timeoutMs: int(env, "BANK_SYNC_TIMEOUT_MS", 30_000, 100, 300_000),
    firstSyncDays: int(env, "BANK_SYNC_FIRST_DAYS", 90, 1, 730),
  };
}
