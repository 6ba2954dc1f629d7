import { pino, type Logger } from "pino";
import { currentTraceId } from "./trace.js";

export type { Logger };

/** JSON logs on stdout; every line carries the component and, inside a request, its trace id. */
export function createLogger(component: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    name: component,
    level,
    base: { component },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const traceId = currentTraceId();
      return traceId ? { traceId } : {};
    },
  });
}
