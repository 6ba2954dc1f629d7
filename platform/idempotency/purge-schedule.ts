import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import type { IdempotencyKeys } from "./idempotency-keys.js";

/** A running purge timer; the subgraph's `close` stops it. */
export interface ScheduledPurge {
  /** Clears the timer and waits for a purge under way. */
  stop(): Promise<void>;
}

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
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => keys.purgeExpired(dataSource))
      .then(
        () => undefined,
        (err: unknown) => logger.warn({ err }, "purging expired idempotency keys failed; retried on the next tick"),
      );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
