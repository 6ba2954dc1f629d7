/**
 * `npm run bench:ledger`: how fast the ledger writes, on real PostgreSQL.
 *   1. postTransaction, closed loop at 1, 8 and 32 clients, (a) through our gateway, (b) straight
 *      at the ledger subgraph (signed internal caller token) and (c) the floor: node:http + pg, the
 *      same one statement a post writes, no GraphQL (bench/ledger/write-floor.server.ts, on its own
 *      account); tx/s, p50/p99, errors, each as a ratio of pgbench's tps. A response is a success only
 *      if it carries data.postTransaction.id and no GraphQL errors; afterwards the rows in
 *      ledger.transactions are counted against the successes, (a)+(b) and (c) each on their account.
 *   2. pgbench tpcb-like on the same PostgreSQL at the same client counts and duration (its own
 *      database, `pgbench -i -s 1`): how fast this PostgreSQL commits small transactions. For every
 *      run of 1 and 2, the CPU ms per write of each process (gateway, subgraphs, write floor,
 *      PostgreSQL's processes, pgbench, this client; bench/ledger/cpu-split.ts): what a write costs
 *      the machine in all, and so how many a second its cores could carry at best.
 *   3. One importTransactions of a generated 50,000-row CSV through the gateway, then importBatch polled
 *      until the background job has COMPLETED it: how long the request took to answer, s and rows/s
 *      from enqueue to COMPLETED, peak RSS. Then the import's floor (bench/ledger/import-floor.ts):
 *      ms PostgreSQL alone needs to store 1,000 such rows and their events in the same tables, rolled back.
 *   4. Consumer lag on real Kafka (bench/ledger/consumer-lag.ts, its own processes and database).
 * Subgraphs (every subgraph in one process, on one in-process event bus; bench/support/stack.ts), the
 * gateway and the write floor each run in a child process; autocannon and pgbench run from here.
 * Fresh databases, dropped at the end.
 *
 * Settings:
 *   BENCH_DURATION      s per run (default 5, at most 45: a signed internal token lives 60 s)
 *   BENCH_WARMUP        s of warm-up per target at 8 clients (default 2)
 *   BENCH_CLIENTS       comma list of client counts (default 1,8,32)
 *   BENCH_IMPORT_ROWS   rows in the import (default 50000)
 *   BENCH_POSTGRES_URL  admin URL of the server (default postgres://postgres@127.0.0.1:5432)
 *   BENCH_LOG_LEVEL     servers' log level (default silent)
 *   BENCH_CPU_PROFILE   a directory: the subgraphs process writes a V8 CPU profile there when it stops
 *   BENCH_SECTIONS      comma list of the sections to run (default 1,2,3,4); e.g. 3 alone for the import
 *                       and its profile (no Kafka needed). Sections 1 and 2 run together if either is named.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import { INTERNAL_TOKEN_HEADER } from "../platform/auth/internal-token.js";
import { ServerProcess } from "./gateway/process.js";
import { measureConsumerLag } from "./ledger/consumer-lag.js";
import { type CpuSplit, perWriteRow, settled, withCpuSplit } from "./ledger/cpu-split.js";
import { measureImportFloor, printImportFloor } from "./ledger/import-floor.js";
import { createDatabase, databaseUrl, dropDatabase, pgbench, pgbenchInit, type PgbenchResult } from "./ledger/postgres.js";
import { closedLoop, type ClosedLoopRun } from "./support/closed-loop.js";
import { bearer as bearerOf, graphql } from "./support/graphql.js";
import { positiveInteger, positiveIntegers, positiveNumber } from "./support/settings.js";
import { serverEnv, startSubgraphs } from "./support/stack.js";
import { printTable } from "./support/table.js";

const DURATION = Math.min(Math.round(positiveNumber("BENCH_DURATION", 5)), 45);
const WARMUP = positiveNumber("BENCH_WARMUP", 2);
const CLIENTS = positiveIntegers("BENCH_CLIENTS", "1,8,32");
const IMPORT_ROWS = positiveInteger("BENCH_IMPORT_ROWS", 50_000);
const SECTIONS = new Set(positiveIntegers("BENCH_SECTIONS", "1,2,3,4"));
const WRITES = SECTIONS.has(1) || SECTIONS.has(2);
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { id status } }`;
const IMPORT_BATCH = `query($id: ID!) { importBatch(id: $id) { status imported duplicates failed } }`;
const PASSWORD = "plum-tractor-velvet-93";

const started = performance.now();
const suffix = randomBytes(5).toString("hex");
const appDb = `moneta_bench_${suffix}`;
const pgbenchDb = `moneta_bench_pgbench_${suffix}`;
const work = mkdtempSync(join(tmpdir(), "moneta-bench-ledger-"));
const servers: ServerProcess[] = [];
const databases: string[] = [];
const cleanUp = async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  for (const name of databases) await dropDatabase(name);
  rmSync(work, { recursive: true, force: true });
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

const post = async (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
  (await graphql(url, query, variables, headers, 120_000)).data;

/** A closed loop of postTransaction on `accountId`; a success carries the new transaction's id. */
const postLoop = (url: string, headers: Record<string, string>, accountId: string, connections: number, seconds: number) =>
  closedLoop({
    url,
    headers,
    query: POST,
    variables: { input: { accountId, amount: { amount: "-12.34", currency: "EUR" }, date: "2026-11-05", payee: "Bench" } },
    connections,
    seconds,
    succeeded: (data) => typeof data?.postTransaction?.id === "string",
  });

/** `count` distinct rows: each its own date, amount and letters-only payee (digits are dropped from payee keys). */
function csv(count: number): string {
  const day0 = Date.UTC(2010, 0, 1);
  const letters = (n: number) => {
    let s = "";
    do {
      s = String.fromCharCode(97 + (n % 26)) + s;
      n = Math.floor(n / 26);
    } while (n > 0);
    return s;
  };
  const lines = ["Date,Amount,Description"];
  for (let i = 0; i < count; i++) {
    const date = new Date(day0 + (i % 5000) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${date},-${Math.floor((i + 1) / 100)}.${String((i + 1) % 100).padStart(2, "0")},Shop ${letters(i)}`);
  }
  return `${lines.join("\n")}\n`;
}

try {
  await createDatabase(appDb);
  databases.push(appDb);
  const { env, signer } = await serverEnv({ DATABASE_URL: databaseUrl(appDb), REDIS_URL: "", KAFKA_BROKERS: "" });
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const { subgraphs, urls, gatewayEnv } = await startSubgraphs(env, work, profile);
  servers.push(subgraphs);
  const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", gatewayEnv);
  servers.push(gateway);
  const gatewayUrl = gateway.info.url as string;

  const registered = await post(gatewayUrl, `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`, {
    i: { email: `bench.${suffix}@example.com`, password: PASSWORD, displayName: "Bench" },
  });
  const userId = registered.register.user.id as string;
  const bearer = bearerOf(registered.register.accessToken as string);
  const openAccount = async (name: string) =>
    (
      await post(
        gatewayUrl,
        `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
        {
          i: { name, type: "CHECKING", openingBalance: { amount: "0", currency: "EUR" }, openingDate: "2000-01-01" },
        },
        bearer,
      )
    ).createAccount.id as string;
  const accountId = await openAccount("Bench");
  const importAccountId = await openAccount("Bench import");
  // Signed right before each run: the internal token lives 60 s.
  const internal = async () => ({ [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId, scopes: ["*"] }, "bench") });

  console.log(
    `ledger benchmark: PostgreSQL at ${new URL(databaseUrl(appDb)).host} (fresh database), in-process event bus (no Kafka), in-memory cache (no Redis)`,
  );
  console.log(
    `subgraphs in one child process, gateway in another (rate limits off), autocannon and pgbench in this one; ${availableParallelism()} cores shared`,
  );
  console.log(
    `closed loop, ${DURATION} s per run, after ${WARMUP} s warm-up per target; errors = non-JSON, GraphQL errors, no id, socket errors, timeouts`,
  );

  // 3 first, on fresh processes, so the lifetime peak RSS of the subgraphs process is the import's.
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  let importReport: (() => void) | undefined;
  if (SECTIONS.has(3)) {
    const content = csv(IMPORT_ROWS);
    const before = await subgraphs.usage();
    const importStarted = performance.now();
    const accepted = (
      await post(
        gatewayUrl,
        IMPORT,
        {
          input: {
            accountId: importAccountId,
            format: "CSV",
            content,
            mapping: { date: "Date", amount: "Amount", payee: "Description", dateFormat: "yyyy-MM-dd" },
          },
        },
        bearer,
      )
    ).importTransactions as { id: string; status: string };
    const answeredMs = performance.now() - importStarted;
    // The rows are written by a background job: the figure runs from enqueue to COMPLETED.
    let imported: { status: string; imported: number; duplicates: number; failed: number };
    for (;;) {
      imported = (await post(gatewayUrl, IMPORT_BATCH, { id: accepted.id }, bearer)).importBatch;
      if (imported.status === "COMPLETED" || imported.status === "FAILED") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const importSeconds = (performance.now() - importStarted) / 1000;
    const [afterImport, gatewayAfterImport] = await Promise.all([subgraphs.usage(), gateway.usage()]);
    const importedRows = await countRows(importAccountId);
    if (imported.imported !== IMPORT_ROWS) process.exitCode = 1;
    // After COMPLETED, on the tables as the import left them: what PostgreSQL alone needs per 1,000 rows.
    const floor = await measureImportFloor(databaseUrl(appDb), { userId, accountId: importAccountId, importBatchId: accepted.id });
    // The consumers of the import's events run on after COMPLETED, and autovacuum would visit the
    // tables they filled in the middle of a later run: the writes below must not share the cores
    // with either. So: wait for quiet, vacuum and analyze now, and wait again.
    const settledMs = await settled([subgraphs, gateway]);
    await vacuumAnalyze();
    await settled([subgraphs, gateway]);
    importReport = () => {
      console.log(
        `\nCSV import through the gateway (${IMPORT_ROWS} distinct rows, ${mib(Buffer.byteLength(content))} body, fresh account)`,
      );
      console.log(
        `request answered in ${answeredMs.toFixed(0)} ms (${accepted.status}); seconds and rows/s from enqueue to ${imported.status}`,
      );
      console.log(
        `| rows | imported | duplicates | failed | rows in table | answered ms | seconds | rows/s | subgraphs peak RSS | RSS before | gateway peak RSS |`,
      );
      console.log(
        `|-----:|---------:|-----------:|-------:|--------------:|------------:|--------:|-------:|-------------------:|-----------:|-----------------:|`,
      );
      console.log(
        `| ${IMPORT_ROWS} | ${imported.imported} | ${imported.duplicates} | ${imported.failed} | ${importedRows} | ${answeredMs.toFixed(0)} | ${importSeconds.toFixed(2)} | ${(imported.imported / importSeconds).toFixed(0)} | ${mib(afterImport.maxRssBytes)} | ${mib(before.rssBytes)} | ${mib(gatewayAfterImport.maxRssBytes)} |`,
      );
      console.log(`peak RSS: getrusage maxRSS of the process (identity, ledger and budgets share it), import run first`);
      printImportFloor(floor);
      console.log(
        `the consumers of its events (budgets, insights, tax, ...) were done ${(settledMs / 1000).toFixed(1)} s after COMPLETED and the floor`,
      );
    };
  }

  if (WRITES) {
    // (c) writes on its own account, so its rows are counted against its own successes.
    const floorAccountId = await openAccount("Bench floor");
    const floorServer = await ServerProcess.start("write floor", "../ledger/write-floor.server.ts", { ...env, BENCH_USER_ID: userId });
    servers.push(floorServer);
    const floorUrl = floorServer.info.url as string;
    let successes = (await postLoop(gatewayUrl, bearer, accountId, 8, WARMUP)).ok;
    successes += (await postLoop(urls.ledger!, await internal(), accountId, 8, WARMUP)).ok;
    let floorSuccesses = (await postLoop(floorUrl, {}, floorAccountId, 8, WARMUP)).ok;
    await createDatabase(pgbenchDb);
    databases.push(pgbenchDb);
    await pgbenchInit(pgbenchDb);

    const rows: Array<{
      clients: number;
      viaGateway: ClosedLoopRun;
      direct: ClosedLoopRun;
      floor: ClosedLoopRun;
      reference: PgbenchResult;
      cpu: CpuSplit[];
    }> = [];
    // Every run's CPU per process, so the table below can say where a write's CPU goes.
    const taking = { gateway, subgraphs, "write floor": floorServer };
    for (const clients of CLIENTS) {
      const viaGateway = await withCpuSplit(taking, () => postLoop(gatewayUrl, bearer, accountId, clients, DURATION));
      const ledgerToken = await internal();
      const direct = await withCpuSplit(taking, () => postLoop(urls.ledger!, ledgerToken, accountId, clients, DURATION));
      const floor = await withCpuSplit(taking, () => postLoop(floorUrl, {}, floorAccountId, clients, DURATION));
      const reference = await withCpuSplit(taking, () => pgbench(pgbenchDb, clients, DURATION));
      successes += viaGateway.result.ok + direct.result.ok;
      floorSuccesses += floor.result.ok;
      rows.push({
        clients,
        viaGateway: viaGateway.result,
        direct: direct.result,
        floor: floor.result,
        reference: reference.result,
        cpu: [viaGateway.cpu, direct.cpu, floor.cpu, reference.cpu],
      });
      process.stderr.write(`  ${clients} clients done\n`);
    }
    const postedRows = await countRows(accountId);
    const floorRows = await countRows(floorAccountId);

    const cell = (r: ClosedLoopRun) => [r.perSecond.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors)];
    const header = [
      "clients",
      "gateway tx/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "ledger direct tx/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "floor tx/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "pgbench tpcb-like tps",
      "avg ms",
      "failed",
      "× pgbench a / b / c",
    ];
    const ratio = (r: ClosedLoopRun, reference: PgbenchResult) => (r.perSecond / reference.tps).toFixed(2);
    const table = rows.map((r) => [
      String(r.clients),
      ...cell(r.viaGateway),
      ...cell(r.direct),
      ...cell(r.floor),
      r.reference.tps.toFixed(0),
      r.reference.latencyMs.toFixed(2),
      String(r.reference.failed),
      [r.viaGateway, r.direct, r.floor].map((run) => ratio(run, r.reference)).join(" / "),
    ]);
    console.log(`\npostTransaction vs pgbench (tps excluding connection time; pgbench -j ≤ 2, -s 1, own database)`);
    console.log(
      `(a) through our gateway, (b) straight at the ledger subgraph, (c) floor: node:http + pg, the same SQL a post writes, no GraphQL`,
    );
    printTable(header, table);
    const columns = ["gateway", "subgraphs", "write floor", "PostgreSQL", "pgbench", "client"];
    const split = rows.flatMap((r) =>
      (
        [
          ["(a) gateway", r.viaGateway.ok, r.viaGateway.perSecond],
          ["(b) ledger direct", r.direct.ok, r.direct.perSecond],
          ["(c) floor", r.floor.ok, r.floor.perSecond],
          ["pgbench", r.reference.tps * DURATION, r.reference.tps],
        ] as const
      ).map(([label, writes, perSecond], i) => perWriteRow(`${r.clients}: ${label}`, writes, perSecond, r.cpu[i]!, columns)),
    );
    console.log(`\nCPU ms per write, by process (pgbench: per transaction; client = this process, autocannon)`);
    printTable(
      ["clients: target", "tx/s", ...columns.map((c) => `${c} ms`), "total ms", `tx/s ${availableParallelism()} cores allow`],
      split,
    );
    console.log(
      `\nrows in ledger.transactions for the bench account: ${postedRows}; successful responses (warm-up included): ${successes}` +
        ` (rows − successes = ${postedRows - successes}: requests in flight when a run stopped` +
        `${postedRows < successes ? "; FEWER ROWS THAN SUCCESSES" : ""})`,
    );
    console.log(
      `rows for the floor's account: ${floorRows}; its successful responses (warm-up included): ${floorSuccesses}` +
        `${floorRows < floorSuccesses ? "; FEWER ROWS THAN SUCCESSES" : ""}`,
    );
    const errors = rows.some((r) => r.viaGateway.errors + r.direct.errors + r.floor.errors + r.reference.failed > 0);
    if (errors || postedRows < successes || floorRows < floorSuccesses) process.exitCode = 1;
  }

  importReport?.();
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await cleanUp();
}

// 4. Whether the consumers keep up with the ledger's writes, on real Kafka: bench/ledger/consumer-lag.ts.
if (SECTIONS.has(4)) await measureConsumerLag();

/** One statement on the bench database, on its own connection (the servers' pools are theirs). */
async function appQuery(sql: string, parameters: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: databaseUrl(appDb) });
  await client.connect();
  try {
    return await client.query(sql, parameters);
  } finally {
    await client.end();
  }
}

/** VACUUM (ANALYZE) of the bench database: every table the import and its consumers wrote. */
async function vacuumAnalyze(): Promise<void> {
  await appQuery(`VACUUM (ANALYZE)`);
}

/** Rows in ledger.transactions for one account. */
async function countRows(accountId: string): Promise<number> {
  return Number((await appQuery(`SELECT count(*) AS n FROM ledger.transactions WHERE account_id = $1`, [accountId])).rows[0].n);
}
