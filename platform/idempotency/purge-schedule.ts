import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import type { IdempotencyKeys } from "./idempotency-keys.js";

/** A running purge timer; the subgraph's `close` stops it. */
export interface ScheduledPurge {
  /** Clears the timer and waits for a purge under way. */
  stop(): Promise<void>;
}

/**
 * Runs `keys.purgeExpired` every `everyMs` (and once at start), for subgraphs with no scheduled
 * job of their own to run it from (the ledger's recurring job runs it).
 */
export function scheduleIdempotencyPurge(keys: IdempotencyKeys, dataSource: DataSource, everyMs: number, logger: Logger): ScheduledPurge {
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
