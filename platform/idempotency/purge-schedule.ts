import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { repeatEvery, type Repeating } from "../jobs/repeating.js";
import type { IdempotencyKeys } from "./idempotency-keys.js";

/** A running purge timer; the subgraph's `close` stops it. */
export type ScheduledPurge = Repeating;

/** Expired keys are forgotten within this long of their retention ending. */
export const IDEMPOTENCY_PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs `keys.purgeExpired` every `everyMs` (and once at start): every subgraph that takes
 * idempotency keys starts one in its `create<Name>` and stops it in `close`.
 */
export function scheduleIdempotencyPurge(
  keys: IdempotencyKeys,
  dataSource: DataSource,
  logger: Logger,
  everyMs = IDEMPOTENCY_PURGE_EVERY_MS,
): ScheduledPurge {
  return repeatEvery(everyMs, () => keys.purgeExpired(dataSource), logger, "purging expired idempotency keys");
}
