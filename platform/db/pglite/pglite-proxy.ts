import { Worker } from "node:worker_threads";

import pg from "pg";

import type { PgliteWorkerData, RawResult, Reply, Request, SerializedError } from "./pglite-protocol.js";

/** A notice PostgreSQL sent while a statement ran (RAISE NOTICE, "already exists, skipping"). */
export interface PgliteNotice extends Record<string, string | undefined> {
  message: string;
}

export interface PgliteStatementOptions {
  onNotice?: (notice: PgliteNotice) => void;
}

export interface PgliteProxyOptions {
  /** Data directory; in memory when absent. */
  dataDir?: string;
  /** Told once when the worker dies or fails to start (pending statements are rejected as well). */
  onError?: (error: Error) => void;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onNotice?: (notice: PgliteNotice) => void };
type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * The embedded PostgreSQL (PGlite), running in a worker thread so its WASM work never blocks
 * this thread's event loop: the gateway keeps answering while a large import writes.
 *
 * It offers the part of PGlite's API the TypeORM driver and the notifier use. Values come back
 * as PostgreSQL text (the driver parses them with pg's type parsers) and statements run in the
 * order sent; like PGlite itself there is one session, so callers must hold the driver's session
 * lock (`withPgliteSession`) around anything that must not interleave with other work.
 */
export class PgliteProxy {
  /** Resolves once PGlite has started (rejects if it could not). */
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private readonly feed = new Set<(channel: string, payload: string) => void>();
  private nextId = 1;
  private ready = false;
  private inTransaction = false;
  private failure?: Error;
  private closing?: Promise<void>;

  constructor(private readonly options: PgliteProxyOptions = {}) {
    this.worker = spawnWorker({ dataDir: options.dataDir });
    let started!: () => void;
    let startFailed!: (error: Error) => void;
    this.waitReady = new Promise<void>((resolve, reject) => {
      started = resolve;
      startFailed = reject;
    });
    // Callers that never await waitReady still learn of a failure through their statements.
    this.waitReady.catch(() => undefined);
    this.worker.on("message", (reply: Reply) => {
      switch (reply.kind) {
        case "ready":
          this.ready = true;
          this.updateRef();
          started();
          return;
        case "startFailed":
          startFailed(this.fail(reviveError(reply.error, "the embedded database could not start")));
          void this.worker.terminate();
          return;
        case "done":
        case "failed":
          return this.settle(reply);
        case "notify":
          return this.listeners.get(reply.listenId)?.(reply.payload);
        case "notification":
          for (const handler of this.feed) handler(reply.channel, reply.payload);
          return;
      }
    });
    this.worker.on("error", (error) =>
      startFailed(this.fail(new Error(`the embedded database worker crashed: ${error.message}`, { cause: error }))),
    );
    this.worker.on("exit", (code) => {
      if (!this.closing) startFailed(this.fail(new Error(`the embedded database worker exited unexpectedly (code ${code})`)));
    });
  }

  /** Starts PGlite in a worker and waits until it is ready. */
  static async start(options: PgliteProxyOptions = {}): Promise<PgliteProxy> {
    const proxy = new PgliteProxy(options);
    try {
      await proxy.waitReady;
    } catch (error) {
      await proxy.close();
      throw error;
    }
    return proxy;
  }

  get closed(): boolean {
    return this.closing !== undefined || this.failure !== undefined;
  }

  /** Whether the session is inside a transaction, as of the last statement's completion. */
  isInTransaction(): boolean {
    return this.inTransaction;
  }

  /** One statement over the extended protocol; parameters are already pg-encoded text. */
  query(text: string, params: ReadonlyArray<string | null> = [], options: PgliteStatementOptions = {}): Promise<RawResult> {
    return this.send({ op: "query", text, params: [...params] }, options.onNotice) as Promise<RawResult>;
  }

  /** One or more statements over the simple protocol, one result each. */
  exec(text: string, options: PgliteStatementOptions = {}): Promise<RawResult[]> {
    return this.send({ op: "exec", text }, options.onNotice) as Promise<RawResult[]>;
  }

  /** LISTEN on `channel`; resolves to the matching UNLISTEN. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const listenId = this.nextId++;
    this.listeners.set(listenId, callback);
    try {
      await this.send({ op: "listen", channel, listenId });
    } catch (error) {
      this.listeners.delete(listenId);
      throw error;
    }
    return async () => {
      if (!this.listeners.delete(listenId) || this.closed) return;
      await this.send({ op: "unlisten", listenId });
    };
  }

  /** Every notification on any channel this session listens to. */
  onNotification(callback: (channel: string, payload: string) => void): () => void {
    if (this.feed.size === 0 && !this.closed) void this.send({ op: "feed", on: true }).catch(() => undefined);
    this.feed.add(callback);
    return () => {
      if (!this.feed.delete(callback) || this.feed.size > 0 || this.closed) return;
      void this.send({ op: "feed", on: false }).catch(() => undefined);
    };
  }

  /** Closes PGlite (finishing statements already sent) and stops the worker. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const wasRunning = !this.failure;
    const closeDb = wasRunning ? this.send({ op: "close" }) : Promise.resolve();
    this.closing = closeDb
      .catch(() => undefined)
      .then(async () => {
        await this.worker.terminate();
        this.rejectAll(new Error("the embedded database is closed"));
      });
    return this.closing;
  }

  private send(body: RequestBody, onNotice?: (notice: PgliteNotice) => void): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    // close() itself sends one last request; anything after it is refused.
    if (this.closing) return Promise.reject(new Error("the embedded database is closed"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onNotice });
      this.updateRef();
      this.worker.postMessage({ ...body, id } as Request);
    });
  }

  private settle(reply: Extract<Reply, { kind: "done" | "failed" }>): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    this.inTransaction = reply.inTransaction;
    this.updateRef();
    for (const notice of reply.notices) pending.onNotice?.({ ...notice.fields, message: notice.message });
    if (reply.kind === "done") pending.resolve(reply.value);
    else pending.reject(reviveError(reply.error));
  }

  private fail(error: Error): Error {
    if (this.failure || this.closing) return this.failure ?? error;
    this.failure = error;
    this.rejectAll(error);
    (this.options.onError ?? ((e: Error) => console.error(e)))(error);
    return error;
  }

  private rejectAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.updateRef();
    for (const p of pending) p.reject(error);
  }

  // Like a socket: the worker keeps the process alive only while it starts or has work in flight.
  private updateRef(): void {
    if (!this.ready || this.pending.size > 0) this.worker.ref();
    else this.worker.unref();
  }
}

/**
 * pg's own DatabaseError with PostgreSQL's fields, so `instanceof pg.DatabaseError`, TypeORM's
 * QueryFailedError and `code === "23505"` checks work as with the pg driver.
 */
function reviveError(serialized: SerializedError, context?: string): Error {
  if (serialized.severity !== undefined) {
    const error = new pg.DatabaseError(serialized.message, serialized.length ?? 0, "error");
    Object.assign(error, serialized.fields);
    return error;
  }
  const error = new Error(context ? `${context}: ${serialized.message}` : serialized.message);
  if (serialized.stack) error.stack = `${error.stack}\n    --- in the database worker ---\n${serialized.stack}`;
  return error;
}

function spawnWorker(workerData: PgliteWorkerData): Worker {
  // Compiled, the worker is a .js file beside this one; from source (tsx, vitest) it is .ts,
  // which a worker thread cannot load by itself on Node 20: register tsx's loader in it first.
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(`./pglite.worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData });
}
