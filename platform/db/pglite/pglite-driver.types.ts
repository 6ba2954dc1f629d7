/** The parts of pg's API the PGlite driver reproduces for TypeORM (see pglite-driver.ts). */

/** Parses one text-format value of a PostgreSQL type, as pg-types' parsers do. */
export type TypeParser = (value: string) => unknown;

/** The part of pg's `types` registry we read; `pg.types` and `new pg.TypeOverrides()` both fit. */
export interface TypeParserSource {
  getTypeParser(oid: number, format?: "text"): TypeParser;
}

export interface PgliteDriverOptions {
  /** Where result parsers come from; defaults to the global `pg.types`, so `setTypeParser` applies to both drivers. */
  types?: TypeParserSource;
}

/** The subset of pg-pool options that mean something for a single embedded session. */
export interface PglitePoolConfig {
  /** How long `connect()` may wait for the session before failing (0 / undefined: forever). */
  connectionTimeoutMillis?: number;
  types?: TypeParserSource;
  [option: string]: unknown;
}

/** A column of a result, as much of pg's FieldDef as PGlite reports. */
export interface PgliteField {
  name: string;
  dataTypeID: number;
  format: "text";
}

/** Mirrors pg's `Result`. */
export interface PgliteQueryResult<R = Record<string, unknown>> {
  command: string | null;
  rowCount: number | null;
  oid: number | null;
  rows: R[];
  fields: PgliteField[];
  rowAsArray: boolean;
}

export interface PgliteQueryConfig {
  text: string;
  values?: readonly unknown[];
  rowMode?: "array";
  types?: TypeParserSource;
}

export type QueryCallback = (err: Error | null, result?: PgliteQueryResult | PgliteQueryResult[]) => void;
