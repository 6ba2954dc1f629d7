// The worker thread that owns the embedded PGlite, so WASM query work never blocks the main
// thread's event loop. It runs statements one message at a time in arrival order; the main
// thread's session lock decides whose statements those are. See pglite-proxy.ts.
import { parentPort, workerData } from "node:worker_threads";

import { PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

import {
  type PgliteWorkerData,
  type RawResult,
  type Reply,
  type Request,
  type SerializedError,
  serializeError,
} from "./pglite-protocol.js";

const port = parentPort;
if (!port) throw new Error("pglite.worker must run in a worker thread");
const options = workerData as PgliteWorkerData;

const post = (reply: Reply) => port.postMessage(reply);

// Extensions must be known when PGlite starts; CREATE EXTENSION then works in any schema.
const db = new PGlite({ dataDir: options.dataDir, extensions: { pg_trgm } });

const passString = (x: string): string => x;
const passValue = (x: unknown): string => x as string;
let raw: { parsers: object; parserCount: number; serializers: object; serializerCount: number; options: QueryOptions } | undefined;

// PGlite would parse results with its own (postgres.js-style) parsers: int8 as number, date as
// a Date at UTC midnight. Identity for every OID it knows hands back the text, which the main
// thread parses with pg-types. Parameters arrive already pg-encoded, so they pass through too.
// PGlite adds array parsers after start-up and after DDL: rebuild when its tables change.
function rawOptions(): QueryOptions {
  const parsers = db.parsers;
  const serializers = db.serializers;
  const parserCount = Object.keys(parsers).length;
  const serializerCount = Object.keys(serializers).length;
  if (
    !raw ||
    raw.parsers !== parsers ||
    raw.parserCount !== parserCount ||
    raw.serializers !== serializers ||
    raw.serializerCount !== serializerCount
  ) {
    raw = {
      parsers,
      parserCount,
      serializers,
      serializerCount,
      options: {
        rowMode: "array",
        parsers: Object.fromEntries(Object.keys(parsers).map((k) => [k, passString])),
        serializers: Object.fromEntries(Object.keys(serializers).map((k) => [k, passValue])),
      },
    };
  }
  return raw.options;
}

function toRaw(result: Results): RawResult {
  return {
    command: result.command,
    rowCount: result.rowCount,
    affectedRows: result.affectedRows,
    fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    rows: result.rows as unknown as Array<Array<string | null>>,
  };
}

const unlistens = new Map<number, () => Promise<void>>();
let stopFeed: (() => void) | undefined;

async function handle(request: Request, notices: SerializedError[]): Promise<unknown> {
  const onNotice = (notice: unknown) => notices.push(serializeError(notice));
  // Before start-up completes PGlite's parser table still lacks its array types.
  if (request.op !== "close") await db.waitReady;
  switch (request.op) {
    case "query":
      return toRaw(await db.query(request.text, request.params, { ...rawOptions(), onNotice }));
    case "exec":
      return (await db.exec(request.text, { ...rawOptions(), onNotice })).map(toRaw);
    case "listen": {
      const { listenId } = request;
      unlistens.set(listenId, await db.listen(request.channel, (payload) => post({ kind: "notify", listenId, payload })));
      return null;
    }
    case "unlisten": {
      const unlisten = unlistens.get(request.listenId);
      unlistens.delete(request.listenId);
      await unlisten?.();
      return null;
    }
    case "feed":
      if (request.on && !stopFeed) stopFeed = db.onNotification((channel, payload) => post({ kind: "notification", channel, payload }));
      if (!request.on) {
        stopFeed?.();
        stopFeed = undefined;
      }
      return null;
    case "close":
      if (!db.closed) await db.close();
      return null;
  }
}

// One request at a time, in order: PGlite would serialise them anyway, and the order is what the
// main thread's lock promised.
let tail: Promise<void> = Promise.resolve();
port.on("message", (request: Request) => {
  tail = tail.then(async () => {
    const notices: SerializedError[] = [];
    try {
      const value = await handle(request, notices);
      post({ kind: "done", id: request.id, value, inTransaction: inTransaction(), notices });
    } catch (error) {
      post({ kind: "failed", id: request.id, error: serializeError(error), inTransaction: inTransaction(), notices });
    }
  });
});

function inTransaction(): boolean {
  return !db.closed && db.isInTransaction();
}

db.waitReady.then(
  () => post({ kind: "ready" }),
  (error: unknown) => post({ kind: "startFailed", error: serializeError(error) }),
);
