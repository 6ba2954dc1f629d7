/**
 * `npm run bench:restart`: how long `npm start` (the whole supergraph in one process, on real
 * PostgreSQL, Redis and Kafka) takes from spawn to the gateway's `/ready` answering 200:
 *   1. a first start on a fresh database (migrations included),
 *   2. restarts after SIGTERM (graceful: the consumers leave their groups),
 *   3. restarts after kill -9 (the dead consumers stay in their groups until their session expires).
 * Between starts a few writes go through the gateway, so every consumer group has offsets to resume.
 * Prints each start's time to `/ready`, and, per start, when the process logged that its last
 * subgraph and its gateway were ready (from the JSON log), to show where a start spends its time.
 *
 * Needs the services: DATABASE_URL's server (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432),
 * REDIS_URL (default redis://127.0.0.1:6379) and KAFKA_BROKERS (default 127.0.0.1:9092). A fresh
 * database, topic prefix and cache prefix per run, dropped at the end.
 *
 * Settings: BENCH_RESTARTS (default 3 of each kind), BENCH_PORT (gateway port, default 4400),
 * BENCH_RESTART_LOG (a file: every start's log lines, each prefixed with ms since its spawn;
 * BENCH_LOG_LEVEL=debug adds each consumer's join time).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";

import { ensureWebBuilt } from "../scripts/web-build.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { bearer, graphql } from "./support/graphql.js";
import { positiveInteger } from "./support/settings.js";
import { serverEnv } from "./support/stack.js";
import { printTable } from "./support/table.js";

const RESTARTS = positiveInteger("BENCH_RESTARTS", 3);
const PORT = positiveInteger("BENCH_PORT", 4400);
const READY_TIMEOUT_MS = 120_000;
const LOG_FILE = process.env.BENCH_RESTART_LOG;
const PASSWORD = "correct horse battery staple 42";

interface Start {
  kind: string;
  /** Spawn to the first 200 from the gateway's /ready. */
  readyMs: number;
  /** Spawn to the log line of the last subgraph that said it was ready. */
  subgraphsMs: number;
  /** Spawn to the gateway's "supergraph ready" line. */
  gatewayMs: number;
}

class App {
  private constructor(
    private readonly child: ChildProcess,
    readonly start: Start,
  ) {}

  /** Spawns `npm start`'s script and waits until the gateway's /ready answers 200. */
  static async spawn(kind: string, env: Record<string, string>): Promise<App> {
    const spawned = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const start: Start = { kind, readyMs: NaN, subgraphsMs: NaN, gatewayMs: NaN };
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const at = performance.now() - spawned;
      if (LOG_FILE) appendFileSync(LOG_FILE, `${kind}\t${Math.round(at)}\t${line}\n`);
      if (line.includes('"subgraph ready"')) start.subgraphsMs = at;
      else if (line.startsWith("Moneta supergraph ready")) start.gatewayMs = at;
    });
    let exited: number | null | undefined;
    child.once("exit", (code) => (exited = code));
    for (;;) {
      if (exited !== undefined) throw new Error(`npm start (${kind}) exited with ${exited} before it was ready`);
      if (performance.now() - spawned > READY_TIMEOUT_MS) throw new Error(`npm start (${kind}) not ready within ${READY_TIMEOUT_MS} ms`);
      const ok = await fetch(`http://127.0.0.1:${PORT}/ready`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    start.readyMs = performance.now() - spawned;
    return new App(child, start);
  }

  /** Stops the process with `signal` and waits for it to be gone. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null) return;
    const gone = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill(signal);
    await gone;
  }
}

/** A user registers and posts a few transactions, so every consumer of the ledger's events has offsets. */
async function exercise(round: number): Promise<void> {
  const url = `http://127.0.0.1:${PORT}/graphql`;
  const registered = await graphql(
    url,
    `
      mutation ($i: RegisterInput!) {
        register(input: $i) {
          accessToken
        }
      }
    `,
    {
      i: { email: `restart.${round}.${randomBytes(4).toString("hex")}@example.com`, password: PASSWORD, displayName: "Restart" },
    },
  );
  const auth = bearer(registered.data.register.accessToken as string);
  const account = await graphql(
    url,
    `
      mutation ($i: CreateAccountInput!) {
        createAccount(input: $i) {
          id
        }
      }
    `,
    { i: { name: "Restart", type: "CHECKING", openingBalance: { amount: "0", currency: "EUR" }, openingDate: "2000-01-01" } },
    auth,
  );
  const accountId = account.data.createAccount.id as string;
  for (let i = 0; i < 5; i++)
    await graphql(
      url,
      `
        mutation ($i: PostTransactionInput!) {
          postTransaction(input: $i) {
            id
          }
        }
      `,
      { i: { accountId, amount: { amount: "-1.00", currency: "EUR" }, date: "2026-12-01", payee: `Shop ${i}` } },
      auth,
    );
}

async function main(): Promise<void> {
  // Built here, so no start below includes building the web app it serves.
  await ensureWebBuilt((message) => process.stderr.write(`  ${message}\n`));
  const run = randomBytes(4).toString("hex");
  const database = `moneta_bench_restart_${run}`;
  await createDatabase(database);
  const { env } = await serverEnv({
    DATABASE_URL: databaseUrl(database),
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? "127.0.0.1:9092",
    KAFKA_TOPIC_PREFIX: `bench-restart-${run}.`,
    CACHE_PREFIX: `bench-restart-${run}:`,
    GATEWAY_PORT: String(PORT),
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  });
  const starts: Start[] = [];
  let app: App | undefined;
  try {
    app = await App.spawn("first start, fresh database", env);
    starts.push(app.start);
    for (const [kind, signal] of [
      ["after SIGTERM", "SIGTERM"],
      ["after kill -9", "SIGKILL"],
    ] as const) {
      for (let i = 1; i <= RESTARTS; i++) {
        await exercise(starts.length);
        await app.stop(signal);
        app = await App.spawn(kind, env);
        starts.push(app.start);
        process.stderr.write(`  ${kind} #${i}: ready in ${Math.round(app.start.readyMs)} ms\n`);
      }
    }
  } finally {
    await app?.stop("SIGTERM");
    await dropDatabase(database);
  }
  const ms = (value: number) => (Number.isNaN(value) ? "–" : Math.round(value).toLocaleString("en-US"));
  printTable(
    ["start", "/ready ms", "last subgraph ready ms", "gateway ready ms"],
    starts.map((s) => [s.kind, ms(s.readyMs), ms(s.subgraphsMs), ms(s.gatewayMs)]),
  );
}

await main();
