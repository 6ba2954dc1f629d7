import { EventEmitter } from "node:events";

import pg from "pg";

import type {
  PgliteDriverOptions,
  PglitePoolConfig,
  PgliteQueryConfig,
  PgliteQueryResult,
  QueryCallback,
  TypeParserSource,
} from "./pglite-driver.types.js";
import type { PgliteNotice, PgliteProxy } from "./pglite-proxy.js";
import { resetSession, type Session, sessionOf, type Unlock, withPgliteSession } from "./pglite-session.js";
import { deliver, encodeParam, parseQueryArgs, type ParserLookup, toPgError, toPgResult } from "./pglite-values.js";

// A stand-in for the `pg` module that TypeORM's postgres driver accepts as `driver`.
// TypeORM 1.1.1 uses exactly: `new driver.Pool(options)`, `pool.on("error")`, `pool.connect(cb)`,
// `client.query(text, cb)` / `await client.query(text, values)`, `client.on/removeListener`,
// the `release(err?)` handed to the connect callback, `pool.end(cb)` and the `defaults.parseInt8`
// setter. It never touches `driver.native` (leaving it undefined keeps pg-native out).

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
