import pg from "pg";

import type {
  PgliteField,
  PgliteQueryConfig,
  PgliteQueryResult,
  QueryCallback,
  TypeParser,
  TypeParserSource,
} from "./pglite-driver.types.js";
import type { RawResult } from "./pglite-protocol.js";

// Values in and out: parameters encoded as pg encodes them, results parsed with pg's type parsers.

const pgUtils = (pg as unknown as { utils?: { prepareValue?: (value: unknown) => unknown } }).utils;
if (typeof pgUtils?.prepareValue !== "function") {
  throw new Error("pg.utils.prepareValue is missing; the PGlite driver relies on it to encode parameters like pg");
}
const prepareValue = pgUtils.prepareValue;

/** pg's own encoding (Dates in local time with offset, arrays as literals, objects as JSON, toPostgres). */
export function encodeParam(value: unknown): string | null {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return null;
  // pg sends Buffers in binary format; PGlite binds text only, and bytea's text input is hex.
  if (Buffer.isBuffer(prepared)) return `\\x${prepared.toString("hex")}`;
  return String(prepared);
}

export interface ParserLookup {
  types: TypeParserSource;
  parseInt8: boolean;
}

function parserFor(lookup: ParserLookup, oid: number): TypeParser {
  // What pg's `defaults.parseInt8 = true` does: int8 and int8[] parsed like int4 and int4[].
  if (lookup.parseInt8 && oid === 20) return lookup.types.getTypeParser(23, "text");
  if (lookup.parseInt8 && oid === 1016) return lookup.types.getTypeParser(1007, "text");
  return lookup.types.getTypeParser(oid, "text");
}

export function toPgResult(raw: RawResult, lookup: ParserLookup, rowAsArray: boolean): PgliteQueryResult {
  const fields: PgliteField[] = raw.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID, format: "text" }));
  const parse = fields.map((f) => parserFor(lookup, f.dataTypeID));
  const rows = raw.rows.map((cells) => {
    if (rowAsArray) return cells.map((cell, i) => (cell === null ? null : parse[i]!(cell)));
    const row: Record<string, unknown> = {};
    cells.forEach((cell, i) => {
      row[fields[i]!.name] = cell === null ? null : parse[i]!(cell);
    });
    return row;
  });
  const command = raw.command ?? null;
  return {
    command,
    rowCount: raw.rowCount ?? null,
    // Tables have no OIDs since PostgreSQL 12, so pg reports 0 for INSERT and null otherwise.
    oid: command === "INSERT" ? 0 : null,
    rows: rows as PgliteQueryResult["rows"],
    fields,
    rowAsArray,
  };
}

/** Server errors already arrive as pg's DatabaseError (see PgliteProxy); anything else becomes an Error. */
export function toPgError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function parseQueryArgs(
  config: string | PgliteQueryConfig,
  valuesOrCallback?: readonly unknown[] | QueryCallback,
  callback?: QueryCallback,
): { query: PgliteQueryConfig; callback?: QueryCallback } {
  if (config !== null && typeof config === "object" && typeof (config as { submit?: unknown }).submit === "function") {
    // Streams (pg-query-stream / pg-cursor) drive the socket protocol directly; PGlite has none.
    throw new TypeError("The PGlite driver does not support submittable queries (QueryStream, Cursor)");
  }
  const cb = typeof valuesOrCallback === "function" ? valuesOrCallback : callback;
  const values = typeof valuesOrCallback === "function" ? undefined : valuesOrCallback;
  if (typeof config === "string") return { query: { text: config, values }, callback: cb };
  if (config === null || config === undefined || typeof config.text !== "string") {
    return { query: { text: undefined as unknown as string }, callback: cb };
  }
  return { query: { ...config, values: values ?? config.values }, callback: cb };
}

/** Delivers outside our promise chain, like pg: a throwing callback is the caller's crash, not our rejection. */
export function deliver<T>(promise: Promise<T>, callback: (err: Error | null, value?: T) => void): void {
  promise.then(
    (value) => queueMicrotask(() => callback(null, value)),
    (error: unknown) => queueMicrotask(() => callback(toPgError(error))),
  );
}
