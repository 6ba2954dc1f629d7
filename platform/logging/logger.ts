import { type Logger, pino } from "pino";

import { currentTraceId } from "./trace.js";

export type { Logger };

/** `Logger["child"]` without its generic custom levels, which `.call` cannot infer. */
type ChildFn = (this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) => Logger;

/**
 * JSON logs on stdout; every line carries exactly one `component` key and, inside a request, its
 * trace id.
 *
 * pino appends each child's bindings to its parent's as text, so `logger.child({ component })`
 * on a logger that already had a component wrote the key twice (`"component":"moneta",...,
 * "component":"gateway"`), which JSON tools read as either value. Here a child that names a
 * component is made from the root instead, carrying its parent's other bindings: the new
 * component replaces the old one rather than following it. Children inherit this `child`
 * through pino's prototype chain, so it holds at any depth.
 */
/** `destination`: stdout unless a test captures the lines. */
export function createLogger(component: string, level = process.env.LOG_LEVEL ?? "info", destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    // No pid/hostname (one process per container) and no `name`: `component` names the part.
    base: {},
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const traceId = currentTraceId();
      return traceId ? { traceId } : {};
    },
  };
  const root = destination ? pino(options, destination) : pino(options);
  const pinoChild = root.child as unknown as ChildFn;
  const child = function (this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) {
    if (!Object.hasOwn(bindings, "component") || this === root) return pinoChild.call(this, bindings, options);
    const { component: _replaced, ...inherited } = this.bindings();
    return pinoChild.call(root, { ...inherited, ...bindings }, { level: this.level, ...options });
  };
  root.child = child as unknown as Logger["child"];
  return root.child({ component });
}
