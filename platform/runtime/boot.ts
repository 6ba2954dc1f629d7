import { ConfigError } from "../config/config-error.js";

/**
 * Runs a process entry point: a ConfigError prints one line naming the setting and exits 1;
 * SIGINT/SIGTERM close what `main` started before exiting.
 */
export function boot(name: string, main: () => Promise<{ close(): Promise<void> }>): void {
  main().then(
    (running) => {
      let closing = false;
      const stop = (signal: string) => {
        if (closing) process.exit(1);
        closing = true;
        console.error(`${name}: ${signal}, shutting down`);
        running.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        console.error(`${name}: ${error.message}`);
      } else {
        console.error(`${name}: failed to start: ${error instanceof Error ? error.message : String(error)}`);
        if (process.env.LOG_LEVEL === "debug") console.error(error);
      }
      process.exit(1);
    },
  );
}
