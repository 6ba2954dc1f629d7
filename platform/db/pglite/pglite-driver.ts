import { EventEmitter } from "node:events";

import pg from "pg";

import type { RawResult } from "./pglite-protocol.js";
import type { PgliteNotice, PgliteProxy } from "./pglite-proxy.js";

// A stand-in for the `pg` module that TypeORM's postgres driver accepts as `driver`.
// TypeORM 1.1.1 uses exactly: `new driver.Pool(options)`, `pool.on("error")`, `pool.connect(cb)`,
// `client.query(text, cb)` / `await client.query(text, values)`, `client.on/removeListener`,
// the `release(err?)` handed to the connect callback, `pool.end(cb)` and the `defaults.parseInt8`
// setter. It never touches `driver.native` (leaving it undefined keeps pg-native out).

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

type QueryCallback = (err: Error | null, result?: PgliteQueryResult | PgliteQueryResult[]) => void;
type ConnectCallback = (err: Error | undefined, client: PgliteClient | undefined, release: (err?: unknown) => void) => void;

export interface PgliteDriver {
  /** Constructed by TypeORM once per DataSource (and per replica). */
  Pool: new (config?: PglitePoolConfig) => PglitePool;
  /** TypeORM's `parseInt8` option writes `defaults.parseInt8`; scoped to this driver object, not global. */
  defaults: { parseInt8: boolean };
  types: TypeParserSource;
  db: PgliteProxy;
  /** Runs `fn` with the session to itself; see {@link withPgliteSession}. */
  runExclusive<T>(fn: (db: PgliteProxy) => Promise<T>): Promise<T>;
}

// ---------------------------------------------------------------------------------------------
// The session lock
// ---------------------------------------------------------------------------------------------

type Unlock = () => void;

/** Strict FIFO: the lock passes straight to the next waiter, so nobody can barge in between. */
class FifoMutex {
  private locked = false;
  private readonly waiters: Array<(unlock: Unlock) => void> = [];

  get waiting(): number {
    return this.waiters.length;
  }

  acquire(timeoutMillis?: number): Promise<Unlock> {
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.makeUnlock());
    }
    return new Promise<Unlock>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const grant = (unlock: Unlock) => {
        if (timer) clearTimeout(timer);
        resolve(unlock);
      };
      this.waiters.push(grant);
      if (timeoutMillis && timeoutMillis > 0) {
        timer = setTimeout(() => {
          const index = this.waiters.indexOf(grant);
          if (index !== -1) this.waiters.splice(index, 1);
          // Same wording as pg-pool, so callers' handling of an exhausted pool carries over.
          reject(new Error("timeout exceeded when trying to connect"));
        }, timeoutMillis);
      }
    });
  }

  private makeUnlock(): Unlock {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      if (next) next(this.makeUnlock());
      else this.locked = false;
    };
  }
}

interface Session {
  mutex: FifoMutex;
}

// Keyed by PGlite instance, not by driver or pool: several DataSources (one per subgraph schema)
// share one PGlite, and they must all queue on the same lock.
const sessions = new WeakMap<PgliteProxy, Session>();

function sessionOf(db: PgliteProxy): Session {
  let session = sessions.get(db);
  if (!session) {
    session = { mutex: new FifoMutex() };
    sessions.set(db, session);
  }
  return session;
}

/**
 * Leaves the session as the next holder expects it: no open or aborted transaction.
 * A holder that released after an error (or simply forgot COMMIT) must not leak its
 * half-done work into someone else's statements.
 */
async function resetSession(db: PgliteProxy): Promise<void> {
  if (db.closed) return;
  // The proxy knows the transaction status as of the last statement, and every statement on
  // the session goes through it, so the answer is current.
  if (db.isInTransaction()) await db.exec("ROLLBACK");
}

/**
 * Runs `fn` while holding the session lock that the TypeORM driver uses, so code that talks to
 * the PGlite instance directly (LISTEN, seeding, dumps) cannot land inside another caller's
 * transaction. Any transaction `fn` leaves open is rolled back before the lock passes on.
 * Do not call the driver's DataSource from inside `fn`: it would wait for this same lock.
 */
export async function withPgliteSession<T>(db: PgliteProxy, fn: (db: PgliteProxy) => Promise<T>): Promise<T> {
  const unlock = await sessionOf(db).mutex.acquire();
  try {
    return await fn(db);
  } finally {
    try {
      await resetSession(db);
    } finally {
      unlock();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values in and out
// ---------------------------------------------------------------------------------------------

const pgUtils = (pg as unknown as { utils?: { prepareValue?: (value: unknown) => unknown } }).utils;
if (typeof pgUtils?.prepareValue !== "function") {
  throw new Error("pg.utils.prepareValue is missing; the PGlite driver relies on it to encode parameters like pg");
}
const prepareValue = pgUtils.prepareValue;

/** pg's own encoding (Dates in local time with offset, arrays as literals, objects as JSON, toPostgres). */
function encodeParam(value: unknown): string | null {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return null;
  // pg sends Buffers in binary format; PGlite binds text only, and bytea's text input is hex.
  if (Buffer.isBuffer(prepared)) return `\\x${prepared.toString("hex")}`;
  return String(prepared);
}

interface ParserLookup {
  types: TypeParserSource;
  parseInt8: boolean;
}

function parserFor(lookup: ParserLookup, oid: number): TypeParser {
  // What pg's `defaults.parseInt8 = true` does: int8 and int8[] parsed like int4 and int4[].
  if (lookup.parseInt8 && oid === 20) return lookup.types.getTypeParser(23, "text");
  if (lookup.parseInt8 && oid === 1016) return lookup.types.getTypeParser(1007, "text");
  return lookup.types.getTypeParser(oid, "text");
}

function toPgResult(raw: RawResult, lookup: ParserLookup, rowAsArray: boolean): PgliteQueryResult {
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
function toPgError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function parseQueryArgs(
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
function deliver<T>(promise: Promise<T>, callback: (err: Error | null, value?: T) => void): void {
  promise.then(
    (value) => queueMicrotask(() => callback(null, value)),
    (error: unknown) => queueMicrotask(() => callback(toPgError(error))),
  );
}

// ---------------------------------------------------------------------------------------------
// Client and pool
// ---------------------------------------------------------------------------------------------

interface PoolContext {
  db: PgliteProxy;
  session: Session;
  lookup: () => ParserLookup;
  onBackgroundError: (error: Error) => void;
}

/** One checkout of the session. A fresh object per checkout, so a stale reference cannot reach a later holder. */
export class PgliteClient extends EventEmitter {
  private tail: Promise<unknown> = Promise.resolve();
  private released = false;
  private stopNotifications?: () => void;

  constructor(
    private readonly ctx: PoolContext,
    private readonly onReleased: () => void,
  ) {
    super();
    // pg emits LISTEN/NOTIFY deliveries on the client; only wire PGlite's feed when asked (TypeORM's logNotifications).
    this.on("newListener", (event: string | symbol) => {
      if (event === "notification" && !this.stopNotifications && !this.released) {
        this.stopNotifications = this.ctx.db.onNotification((channel, payload) =>
          this.emit("notification", { processId: 0, channel, payload }),
        );
      }
    });
  }

  /** True once released; further queries are refused rather than run on someone else's turn. */
  get isReleased(): boolean {
    return this.released;
  }

  query(text: string, callback: QueryCallback): void;
  query(text: string, values: readonly unknown[] | undefined, callback: QueryCallback): void;
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<PgliteQueryResult<R>>;
  query(config: PgliteQueryConfig, callback: QueryCallback): void;
  query<R = Record<string, unknown>>(config: PgliteQueryConfig, values?: readonly unknown[]): Promise<PgliteQueryResult<R>>;
  query(
    config: string | PgliteQueryConfig,
    valuesOrCallback?: readonly unknown[] | QueryCallback,
    callback?: QueryCallback,
  ): Promise<PgliteQueryResult | PgliteQueryResult[]> | void {
    const { query, callback: cb } = parseQueryArgs(config, valuesOrCallback, callback);
    const result = this.enqueue(query);
    if (cb) {
      deliver(result, cb);
      return;
    }
    return result.catch((error: unknown) => Promise.reject(toPgError(error)));
  }

  /** Hands the session back. Idempotent, unlike pg-pool, because double release must never hurt a later holder. */
  release(_err?: unknown): void {
    if (this.released) return;
    this.released = true;
    this.stopNotifications?.();
    this.stopNotifications = undefined;
    // Statements already queued on this checkout finish first; only then is the session reset and passed on.
    const finish = this.tail.then(() => resetSession(this.ctx.db)).catch((error: unknown) => this.ctx.onBackgroundError(toPgError(error)));
    void finish.finally(this.onReleased);
  }

  private enqueue(query: PgliteQueryConfig): Promise<PgliteQueryResult | PgliteQueryResult[]> {
    if (this.released) {
      return Promise.reject(new Error("Client has already been released to the pool; check out a new one"));
    }
    const run = this.tail.then(() => this.execute(query));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async execute(query: PgliteQueryConfig): Promise<PgliteQueryResult | PgliteQueryResult[]> {
    if (typeof query.text !== "string") throw new TypeError("Client was passed a null or undefined query");
    const { db } = this.ctx;
    const lookup = query.types ? { ...this.ctx.lookup(), types: query.types } : this.ctx.lookup();
    const rowAsArray = query.rowMode === "array";
    // Values come back as PostgreSQL text (the worker turns PGlite's own parsing off) and are
    // parsed here with pg-types, so results are byte-for-byte what pg gives.
    const options = { onNotice: (notice: PgliteNotice) => this.emit("notice", notice) };
    const values = query.values;
    if (!values || values.length === 0) {
      // pg uses the simple protocol when there are no parameters, which allows several statements
      // in one string (migrations do this) and then yields one Result per statement.
      const results = await db.exec(query.text, options);
      const converted = results.map((r) => toPgResult(r, lookup, rowAsArray));
      return converted.length === 1 ? converted[0]! : converted;
    }
    const raw = await db.query(query.text, values.map(encodeParam), options);
    return toPgResult(raw, lookup, rowAsArray);
  }
}

/** pg.Pool look-alike over one PGlite session: every checkout waits its turn for the whole session. */
export class PglitePool extends EventEmitter {
  private readonly ctx: PoolContext;
  private readonly timeoutMillis: number | undefined;
  private active = 0;
  private pending = 0;
  private endPromise?: Promise<void>;
  private drained?: () => void;
  ending = false;
  ended = false;

  constructor(db: PgliteProxy, driver: { types: TypeParserSource; defaults: { parseInt8: boolean } }, config: PglitePoolConfig = {}) {
    super();
    const types = config.types ?? driver.types;
    this.timeoutMillis = typeof config.connectionTimeoutMillis === "number" ? config.connectionTimeoutMillis : undefined;
    this.ctx = {
      db,
      session: sessionOf(db),
      lookup: () => ({ types, parseInt8: driver.defaults.parseInt8 }),
      onBackgroundError: (error) => {
        // TypeORM always attaches a pool "error" handler; without one, stay silent rather than throw from a timer.
        if (this.listenerCount("error") > 0) this.emit("error", error);
      },
    };
  }

  /** Checkouts that currently hold the session (0 or 1 for this pool). */
  get totalCount(): number {
    return this.active;
  }
  get idleCount(): number {
    return 0;
  }
  /** Checkouts of this pool queued for the session. */
  get waitingCount(): number {
    return this.pending;
  }

  connect(): Promise<PgliteClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<PgliteClient> | void {
    const checkout = this.checkout();
    if (!callback) return checkout;
    checkout.then(
      (client) => queueMicrotask(() => callback(undefined, client, (err?: unknown) => client.release(err))),
      (error: unknown) => queueMicrotask(() => callback(toPgError(error), undefined, () => undefined)),
    );
  }

  /** One statement under the lock, released (and reset) right after, as pg's pool.query does. */
  query(text: string, callback: QueryCallback): void;
  query(text: string, values: readonly unknown[] | undefined, callback: QueryCallback): void;
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<PgliteQueryResult<R>>;
  query(config: PgliteQueryConfig, callback: QueryCallback): void;
  query<R = Record<string, unknown>>(config: PgliteQueryConfig, values?: readonly unknown[]): Promise<PgliteQueryResult<R>>;
  query(
    config: string | PgliteQueryConfig,
    valuesOrCallback?: readonly unknown[] | QueryCallback,
    callback?: QueryCallback,
  ): Promise<PgliteQueryResult | PgliteQueryResult[]> | void {
    const { query, callback: cb } = parseQueryArgs(config, valuesOrCallback, callback);
    const result = this.checkout().then(async (client) => {
      try {
        return await client.query(query);
      } finally {
        client.release();
      }
    });
    if (cb) {
      deliver(result, cb);
      return;
    }
    return result.catch((error: unknown) => Promise.reject(toPgError(error)));
  }

  /**
   * Stops new checkouts and resolves once this pool's checkouts are released. It does not close
   * the PGlite instance: the caller created it and other DataSources may share it.
   */
  end(): Promise<void>;
  end(callback: (err?: Error) => void): void;
  end(callback?: (err?: Error) => void): Promise<void> | void {
    if (!this.endPromise) {
      this.ending = true;
      this.endPromise = new Promise<void>((resolve) => {
        this.drained = resolve;
        this.checkDrained();
      }).then(() => {
        this.ended = true;
        this.emit("end");
      });
    }
    if (!callback) return this.endPromise;
    deliver(this.endPromise, (err) => callback(err ?? undefined));
  }

  private checkDrained(): void {
    if (this.ending && this.active === 0 && this.pending === 0) this.drained?.();
  }

  private async checkout(): Promise<PgliteClient> {
    if (this.ending) throw new Error("Cannot use a pool after calling end on the pool");
    this.pending++;
    let unlock: Unlock;
    try {
      unlock = await this.ctx.session.mutex.acquire(this.timeoutMillis);
    } catch (error) {
      this.pending--;
      this.checkDrained();
      throw error;
    }
    this.pending--;
    this.active++;
    const client = new PgliteClient(this.ctx, () => {
      this.active--;
      unlock();
      this.emit("release", undefined, client);
      this.checkDrained();
    });
    this.emit("acquire", client);
    return client;
  }
}

/**
 * Builds the object to pass as `driver` in `new DataSource({ type: "postgres", driver })`, so
 * TypeORM runs on an embedded PGlite with pg's result types and one-holder-at-a-time access to
 * the single PGlite session (a transaction owns the session from BEGIN to release).
 */
export function createPgliteDriver(db: PgliteProxy, options: PgliteDriverOptions = {}): PgliteDriver {
  let parseInt8 = false;
  const driver: PgliteDriver = {
    Pool: undefined as unknown as PgliteDriver["Pool"],
    // An accessor property, because TypeORM only writes parseInt8 when it finds a setter.
    defaults: {
      get parseInt8() {
        return parseInt8;
      },
      set parseInt8(value: boolean) {
        parseInt8 = Boolean(value);
      },
    },
    types: options.types ?? pg.types,
    db,
    runExclusive: (fn) => withPgliteSession(db, fn),
  };
  driver.Pool = class extends PglitePool {
    constructor(config?: PglitePoolConfig) {
      super(db, driver, config);
    }
  };
  return driver;
}
