// Messages between the main thread's PgliteProxy and the worker that owns PGlite. Only plain
// data crosses (structured clone): values travel as PostgreSQL text and are parsed on the main
// thread, errors as their fields.

/** Options the worker starts PGlite with. */
export interface PgliteWorkerData {
  /** Data directory; in memory when absent. */
  dataDir?: string;
}

/** One statement's result with every value still in PostgreSQL's text format (rows as arrays). */
export interface RawResult {
  command?: string;
  rowCount?: number;
  affectedRows?: number;
  fields: Array<{ name: string; dataTypeID: number }>;
  rows: Array<Array<string | null>>;
}

/** A server error or notice, as its message and PostgreSQL's fields. */
export interface SerializedError {
  message: string;
  /** Absent for errors that are not PostgreSQL's (a WASM trap, a worker bug). */
  severity?: string;
  length?: number;
  stack?: string;
  fields: Record<string, string>;
}

export type Request =
  | { id: number; op: "query"; text: string; params: Array<string | null> }
  | { id: number; op: "exec"; text: string }
  | { id: number; op: "listen"; channel: string; listenId: number }
  | { id: number; op: "unlisten"; listenId: number }
  | { id: number; op: "feed"; on: boolean }
  | { id: number; op: "close" };

export type Reply =
  | { kind: "ready" }
  | { kind: "startFailed"; error: SerializedError }
  | { kind: "done"; id: number; value: unknown; inTransaction: boolean; notices: SerializedError[] }
  | { kind: "failed"; id: number; error: SerializedError; inTransaction: boolean; notices: SerializedError[] }
  | { kind: "notify"; listenId: number; payload: string }
  | { kind: "notification"; channel: string; payload: string };

/** The fields of pg's DatabaseError (and NoticeMessage) that PostgreSQL can send. */
export const databaseErrorFields = [
  "severity",
  "code",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

/** An Error, or a notice (PGlite's NoticeMessage is a plain object with the same fields). */
export function serializeError(error: unknown): SerializedError {
  if (typeof error !== "object" || error === null || typeof (error as { message?: unknown }).message !== "string") {
    return { message: String(error), fields: {} };
  }
  const source = error as Error & Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const field of databaseErrorFields) {
    const value = source[field];
    if (typeof value === "string") fields[field] = value;
  }
  return {
    message: source.message,
    severity: typeof source.severity === "string" ? source.severity : undefined,
    length: typeof source.length === "number" ? source.length : undefined,
    stack: typeof source.stack === "string" ? source.stack : undefined,
    fields,
  };
}
