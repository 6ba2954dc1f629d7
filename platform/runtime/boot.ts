import { ConfigError } from "../config/config-error.js";

/** A process has this long to close after SIGTERM (orchestrators kill -9 soon after: Kubernetes 30 s, Docker 10 s). */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Runs a process entry point: a ConfigError prints one line naming the setting and exits 1;
 * SIGINT/SIGTERM close what `main` started (gracefully: see the README's "Shutdown") and exit 0,
 * or 1 when closing fails or outlasts {@link SHUTDOWN_DEADLINE_MS}; a second signal exits at once.
 */
export function boot(name: string, main: () => Promise<{ close(): Promise<void> }>): void {
  const started = main();
  let closing = false;
  // Listening from the start: a signal while consumers still join their groups waits for the
  // start to finish and then closes, instead of the default of dying mid-way.
  const stop = (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    console.error(`${name}: ${signal}, shutting down`);
    // Not unref'd: it also keeps the process alive until close settles one way or the other.
    setTimeout(() => {
      console.error(`${name}: still closing after ${SHUTDOWN_DEADLINE_MS} ms, exiting`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    started
      .then((running) => running.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`${name}: error while shutting down: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  started.catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name}: failed to start: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.LOG_LEVEL === "debug") console.error(error);
    }
    process.exit(1);
  });
}
