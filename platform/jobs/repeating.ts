import type { Logger } from "pino";

/** A pass running on a timer; the subgraph's `close` stops it. */
export interface Repeating {
  /** Clears the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` now and then every `everyMs`, one pass at a time: a tick that comes while a pass is
 * still running is skipped rather than queued, so a slow pass never piles up behind itself. A
 * failing pass is logged and the next tick tries again. The timer does not keep the process alive.
 */
export function repeatEvery(everyMs: number, pass: () => Promise<unknown>, logger: Logger, what: string): Repeating {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= pass()
      .catch((err: unknown) => logger.error({ err }, `${what} failed; tried again on the next tick`))
      .finally(() => (running = undefined));
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
