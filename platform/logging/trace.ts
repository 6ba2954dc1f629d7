import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** Correlation id of the request being served; travels to subgraphs, logs and event envelopes. */
const storage = new AsyncLocalStorage<string>();

export const TRACE_HEADER = "x-trace-id";

export function withTraceId<T>(traceId: string, fn: () => T): T {
  return storage.run(traceId, fn);
}

export function currentTraceId(): string | undefined {
  return storage.getStore();
}

/** Accepts an incoming id only if it looks like one, so logs cannot be stuffed through the header. */
export function traceIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w-]{8,64}$/.test(value) ? value : randomUUID();
}
