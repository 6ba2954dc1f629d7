/**
 * `npm run bench:live`: live subscriptions (budgetUpdated) on real PostgreSQL, Redis and Kafka.
 *   1. Fan-out: 1,000, then 5,000, then 10,000 graphql-ws subscribers on one gateway, every one the
 *      bench user watching the same budget (one shared resolution per event). Sockets are opened
 *      in batches and kept (1,000 → +4,000 → +5,000) until the gateway counts them all; then one
 *      postTransaction through the gateway, and per subscriber the time from the mutation's HTTP
 *      response to the frame carrying the changed `spent`: p50/p99/max, how many received it,
 *      and gateway memory per open subscription ((RSS or heap with N open − before any) / N, each
 *      after a full GC in the gateway process).
 *   2. End to end: one subscriber, sequential postTransactions, each waiting for its update:
 *      ledger outbox → Kafka → budgets consumer → budgets outbox → Kafka → gateway → client.
 * Subgraphs (identity, ledger, budgets; one process) and the gateway (run with --expose-gc) each
 * in a child process; the subscribers (plain `ws`, graphql-transport-ws by hand) and the
 * measurement in this one. Fresh database, topic prefix and cache prefix, removed at the end.
 *
 * Settings:
 *   BENCH_LIVE_SIZES      comma list of subscriber counts (default 1000,5000,10000), ascending
 *   BENCH_LIVE_BATCH      sockets opened at once (default 200)
 *   BENCH_LIVE_MUTATIONS  sequential mutations in part 2 (default 1000)
 *   BENCH_POSTGRES_URL    admin URL (default postgres://postgres@127.0.0.1:5432)
 *   BENCH_KAFKA_BROKERS   default 127.0.0.1:9092 (started with scripts/kafka.sh when none answers)
 *   BENCH_REDIS_URL       default redis://127.0.0.1:6379
 *   BENCH_LOG_LEVEL       servers' log level (default silent)
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import { readSupergraphSdl } from "../gateway/supergraph.js";
import { exportInternalKeys, generateInternalKeys } from "../platform/auth/internal-token.js";
import { supergraphWithUrls } from "./gateway/child.js";
import { ServerProcess } from "./gateway/process.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { LiveSocket } from "./live/client.js";
import { GatewayProcess, type LiveStatsReply } from "./live/process.js";
import {
  deleteKafkaNamespace,
  deleteRedisNamespace,
  ensureKafka,
  ensureOpenFiles,
  KAFKA_BROKERS,
  REDIS_URL,
  stopKafka,
} from "./live/services.js";
import { summarize } from "./stats.js";

const int = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const SIZES = (process.env.BENCH_LIVE_SIZES ?? "1000,5000,10000").split(",").map(Number);
if (SIZES.some((n, i) => !Number.isInteger(n) || n <= 0 || (i > 0 && n < SIZES[i - 1]!)))
  throw new Error("BENCH_LIVE_SIZES must be ascending positive whole numbers");
const BATCH = int("BENCH_LIVE_BATCH", 200);
const MUTATIONS = int("BENCH_LIVE_MUTATIONS", 1000);
const PASSWORD = "plum-tractor-velvet-93";
const SUBSCRIPTION = `subscription($id: ID!) { budgetUpdated(id: $id) { id progress { spent { amount } status } categories { name } } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
/** Access tokens live 15 minutes; sockets close when theirs expires, so the run must fit. */
const RUN_LIMIT_MS = 13 * 60_000;
const OPEN_TIMEOUT_MS = 30_000;
const FANOUT_TIMEOUT_MS = 60_000;
const E2E_TIMEOUT_MS = 10_000;

// Each socket is a file descriptor in this process and in the gateway (which inherits the limit).
const maxSockets = Math.max(...SIZES);
const limits = ensureOpenFiles(maxSockets + 1024);

const started = performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsedS = () => ((performance.now() - started) / 1000).toFixed(0);
const checkTime = (what: string) => {
  if (performance.now() - started > RUN_LIMIT_MS)
    throw new Error(`out of time (${RUN_LIMIT_MS / 60_000} min: access tokens would expire) during ${what}`);
};
const progressNote = (text: string) => process.stderr.write(`  [${elapsedS()} s] ${text}\n`);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");

/** Polls `check` every `everyMs` until it returns a value, for at most `timeoutMs`. */
async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined> | T | undefined, everyMs = 100): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms${lastError ? ` (${(lastError as Error).message})` : ""}`);
    await sleep(everyMs);
  }
}

const suffix = randomBytes(4).toString("hex");
const appDb = `moneta_bench_live_${suffix}`;
const topicPrefix = `bench-live-${suffix}.`;
const cachePrefix = `bench-live-${suffix}`;
const work = mkdtempSync(join(tmpdir(), "moneta-bench-live-"));
const sockets: LiveSocket[] = [];
let subgraphs: ServerProcess | undefined;
let gateway: GatewayProcess | undefined;
let databaseCreated = false;
let startedKafka = false;
let cleaned = false;
const cleanUp = async () => {
  if (cleaned) return;
  cleaned = true;
  await LiveSocket.closeAll(sockets.splice(0), 10_000);
  await Promise.allSettled([gateway?.stop(), subgraphs?.stop()]);
  if (databaseCreated) await dropDatabase(appDb);
  await deleteKafkaNamespace(topicPrefix);
  await deleteRedisNamespace(cachePrefix);
  rmSync(work, { recursive: true, force: true });
  if (startedKafka && !process.env.MONETA_KEEP_KAFKA) stopKafka();
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

interface FanOutRow {
  size: number;
  openSeconds: number;
  received: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  negative: number;
  rssPerSub: number;
  heapPerSub: number;
  withN: LiveStatsReply;
  gauge: string;
  mutationMs: number;
}

try {
  startedKafka = await ensureKafka();
  await createDatabase(appDb);
  databaseCreated = true;
  const keys = await generateInternalKeys();
  const pem = await exportInternalKeys(keys);
  const env = {
    INTERNAL_JWT_PRIVATE_KEY: pem.privateKey,
    INTERNAL_JWT_PUBLIC_KEY: pem.publicKey,
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
    APOLLO_TELEMETRY_DISABLED: "true",
    DATABASE_URL: databaseUrl(appDb),
    REDIS_URL,
    CACHE_PREFIX: cachePrefix,
    KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX: topicPrefix,
  };
  subgraphs = await ServerProcess.start("subgraphs", "subgraphs.server.ts", env);
  const urls = subgraphs.info.urls as Record<string, string>;
  const supergraphFile = join(work, "supergraph.graphql");
  writeFileSync(supergraphFile, supergraphWithUrls(readSupergraphSdl(), urls));
  gateway = await GatewayProcess.start({ ...env, BENCH_SUPERGRAPH: supergraphFile, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) });
  const gw = gateway;
  const wsUrl = gw.url.replace(/^http/, "ws");
  progressNote(`subgraphs (pid ${subgraphs.pid}) and gateway (pid ${gw.pid}) ready`);

  /** One GraphQL POST through the gateway; `at` is when the whole response body had arrived. */
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const sent = performance.now();
    const response = await fetch(gw.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const at = performance.now();
    const body = JSON.parse(text) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (!response.ok || body.errors) throw new Error(`${query.slice(0, 60)}… answered ${response.status}: ${JSON.stringify(body.errors)}`);
    return { data: body.data, at, ms: at - sent };
  };

  const email = `bench.live.${suffix}@example.com`;
  const registered = (
    await gql(`mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`, {
      i: { email, password: PASSWORD, displayName: "Bench" },
    })
  ).data;
  let token = registered.register.accessToken as string;
  let tokenAt = performance.now();
  /** The access token, logged in again when it is over 10 minutes old (it lives 15). */
  const freshToken = async () => {
    if (performance.now() - tokenAt > 10 * 60_000) {
      token = (
        await gql(`mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }`, {
          i: { email, password: PASSWORD },
        })
      ).data.login.accessToken;
      tokenAt = performance.now();
    }
    return token;
  };
  const accountId = (
    await gql(
      `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
      {
        i: { name: "Bench", type: "CHECKING", openingBalance: { amount: "0", currency: "USD" }, openingDate: "2000-01-01" },
      },
      token,
    )
  ).data.createAccount.id as string;
  const groceries = await until(
    "the Groceries category",
    60_000,
    async () => {
      const list = (await gql(`{ categories { id name } }`, {}, token)).data.categories as Array<{ id: string; name: string }>;
      return list.find((c) => c.name === "Groceries")?.id;
    },
    250,
  );
  // Budgets learns the user's preferences and categories from events: retry until it takes the budget.
  let attempts = 0;
  const budgetId = await until(
    "createBudget (budgets learns the user from events)",
    90_000,
    async () => {
      attempts++;
      return (
        await gql(
          `mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }`,
          {
            i: { name: "Bench", categoryIds: [groceries], period: "MONTHLY", amount: { amount: "100000.00", currency: "USD" } },
          },
          token,
        )
      ).data.createBudget.id as string;
    },
    250,
  );
  progressNote(`user, account and budget ready (createBudget accepted on attempt ${attempts})`);

  const today = new Date().toISOString().slice(0, 10);
  const postTransaction = () =>
    gql(
      POST,
      { input: { accountId, amount: { amount: "-1.00", currency: "USD" }, date: today, payee: "Bench", categoryId: groceries } },
      token,
    );
  const spent = async () =>
    (await gql(`query($id: ID!) { budget(id: $id) { progress { spent { amount } } } }`, { id: budgetId }, token)).data.budget.progress.spent
      .amount as string;
  const spentOf = (data: any): string | undefined => data?.budgetUpdated?.progress?.spent?.amount;
  const subscriptionsAre = (n: number, timeoutMs: number) =>
    until(
      `gateway counting ${n} subscriptions`,
      timeoutMs,
      async () => {
        const stats = await gw.stats();
        const lost = sockets.filter((s) => s.unexpectedlyClosed);
        if (lost.length > 0) throw new Error(`${lost.length} sockets closed (first: ${JSON.stringify(lost[0]!.unexpectedlyClosed)})`);
        return stats.subscriptions === n ? stats : undefined;
      },
      100,
    );
  /** Opens sockets `count` more, `BATCH` at a time; resolves once the gateway counts `sockets.length` subscriptions. */
  const openMore = async (count: number) => {
    const variables = { id: budgetId };
    for (let opened = 0; opened < count; opened += BATCH) {
      checkTime("opening sockets");
      const current = await freshToken();
      const batch = await Promise.allSettled(
        Array.from({ length: Math.min(BATCH, count - opened) }, () =>
          LiveSocket.open(wsUrl, current, SUBSCRIPTION, variables, OPEN_TIMEOUT_MS),
        ),
      );
      // Opened ones are kept (and closed in finally) even when others in the batch failed.
      for (const r of batch) if (r.status === "fulfilled") sockets.push(r.value);
      const failed = batch.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed.length > 0)
        throw new Error(
          `${failed.length} of ${batch.length} sockets failed to open with ${sockets.length} open: ${(failed[0]!.reason as Error).message}`,
        );
    }
    return subscriptionsAre(sockets.length, 120_000);
  };
  const metricsGauge = async () => {
    const text = await (await fetch(new URL("/metrics", gw.url), { signal: AbortSignal.timeout(10_000) })).text();
    const value = (name: string) => new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? "?";
    return `${value("graphql_ws_open_sockets")}/${value("graphql_live_subscriptions")}`;
  };
  /** The first frame from `from` on whose spent differs from `before`, or undefined. */
  const firstChanged = (socket: LiveSocket, before: string, from = 0) =>
    socket.parse(from).find((m) => m.type === "next" && spentOf(m.data) !== undefined && spentOf(m.data) !== before);

  // Warm-up: the whole path once (consumer groups joined, code paths compiled), then nothing open.
  {
    await openMore(1);
    const before = await spent();
    const { at } = await postTransaction();
    const frame = await until("warm-up update", FANOUT_TIMEOUT_MS, () => firstChanged(sockets[0]!, before), 20);
    progressNote(`warm-up: update ${f1(frame.at - at)} ms after the mutation's response`);
    await LiveSocket.closeAll(sockets.splice(0));
    await subscriptionsAre(0, 30_000);
  }
  const baseline = await gw.stats(true);
  progressNote(`baseline: gateway RSS ${mib(baseline.rssBytes)} MiB, heap ${mib(baseline.heapUsedBytes)} MiB, ${baseline.sockets} sockets`);

  const rows: FanOutRow[] = [];
  let fanOutFailed = false;
  for (const size of SIZES) {
    const openStarted = performance.now();
    await openMore(size - sockets.length);
    const openSeconds = (performance.now() - openStarted) / 1000;
    const gauge = await metricsGauge();
    const withN = await gw.stats(true);
    progressNote(
      `${size} subscriptions open (${size - (rows.at(-1)?.size ?? 0)} in ${openSeconds.toFixed(1)} s), gateway RSS ${mib(withN.rssBytes)} MiB`,
    );
    const before = await spent();
    for (const socket of sockets) socket.receipts = [];
    const { at: respondedAt, ms: mutationMs } = await postTransaction();
    const firstAt = new Array<number | undefined>(sockets.length).fill(undefined);
    const scanned = new Array<number>(sockets.length).fill(0);
    let received = 0;
    const deadline = performance.now() + FANOUT_TIMEOUT_MS;
    while (received < sockets.length && performance.now() < deadline) {
      // Cheap check first: parse only once every socket has at least one new frame, or near the deadline.
      const everyone = sockets.every((s, i) => firstAt[i] !== undefined || s.receipts.length > scanned[i]!);
      if (everyone || performance.now() > deadline - 1_000) {
        sockets.forEach((socket, i) => {
          if (firstAt[i] !== undefined || socket.receipts.length === scanned[i]) return;
          const frame = firstChanged(socket, before, scanned[i]);
          scanned[i] = socket.receipts.length;
          if (frame) {
            firstAt[i] = frame.at;
            received++;
          }
        });
      }
      if (received < sockets.length) await sleep(20);
    }
    const latencies = firstAt.filter((t): t is number => t !== undefined).map((t) => t - respondedAt);
    const stats = summarize(latencies);
    if (received < sockets.length) fanOutFailed = true;
    rows.push({
      size,
      openSeconds,
      received,
      min: latencies.reduce((a, b) => Math.min(a, b), Infinity),
      p50: stats.p50,
      p99: stats.p99,
      max: stats.max,
      negative: latencies.filter((l) => l < 0).length,
      rssPerSub: (withN.rssBytes - baseline.rssBytes) / size,
      heapPerSub: (withN.heapUsedBytes - baseline.heapUsedBytes) / size,
      withN,
      gauge,
      mutationMs,
    });
    progressNote(
      `${size}: ${received} received, first ${f1(rows.at(-1)!.min)} ms, p50 ${f1(stats.p50)} ms, p99 ${f1(stats.p99)} ms, max ${f1(stats.max)} ms`,
    );
    // Let any trailing frames of this event land before the next size's sockets open.
    await sleep(500);
  }
  const closeStarted = performance.now();
  await LiveSocket.closeAll(sockets.splice(0));
  await subscriptionsAre(0, 60_000);
  progressNote(`fan-out sockets closed in ${((performance.now() - closeStarted) / 1000).toFixed(1)} s`);

  // 2. One subscriber, sequential mutations, each waiting for its own update.
  await openMore(1);
  const subscriber = sockets[0]!;
  let figure = Math.round(Number(await spent()) * 100);
  const e2e: number[] = [];
  const mutationLatencies: number[] = [];
  let missed = 0;
  const e2eStarted = performance.now();
  for (let i = 0; i < MUTATIONS; i++) {
    if (i % 100 === 0) checkTime("the end-to-end loop");
    if (subscriber.unexpectedlyClosed) throw new Error(`the subscriber's socket closed: ${JSON.stringify(subscriber.unexpectedlyClosed)}`);
    figure += 100;
    const expected = (figure / 100).toFixed(2);
    const from = subscriber.receipts.length;
    let wake: () => void = () => {};
    subscriber.onFrame = () => wake();
    const { at, ms } = await postTransaction();
    mutationLatencies.push(ms);
    const deadline = performance.now() + E2E_TIMEOUT_MS;
    let frameAt: number | undefined;
    let scanned = from;
    while (frameAt === undefined && performance.now() < deadline) {
      const frame = subscriber.parse(scanned).find((m) => m.type === "next" && spentOf(m.data) === expected);
      scanned = subscriber.receipts.length;
      if (frame) frameAt = frame.at;
      else
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
    subscriber.onFrame = undefined;
    if (frameAt === undefined) {
      missed++;
      if (missed >= 10) throw new Error(`end to end: ${missed} updates never arrived (last expected spent ${expected})`);
      // Re-read the figure, in case the expected one was skipped rather than late.
      figure = Math.round(Number(await spent()) * 100);
    } else {
      e2e.push(frameAt - at);
    }
    if ((i + 1) % 250 === 0) progressNote(`end to end: ${i + 1}/${MUTATIONS}`);
  }
  const e2eSeconds = (performance.now() - e2eStarted) / 1000;
  const lastStats = await gw.stats();

  // Output.
  const table = (header: string[], body: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(" | ")} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => `${"-".repeat(w + 1)}:`).join("|")}|`);
    for (const row of body) console.log(line(row));
  };
  const fd = limits ? `${limits.soft} (hard ${limits.hard})` : "unknown";
  console.log(
    `live subscription benchmark: budgetUpdated over graphql-ws, ${availableParallelism()} cores, Node ${process.version}, open-file limit ${fd} (this process, as Node raises it at startup; the gateway inherits it; needs ${maxSockets + 1024})`,
  );
  console.log(
    `real services on loopback: PostgreSQL (fresh database), Kafka ${KAFKA_BROKERS} (topic prefix ${topicPrefix}${startedKafka ? ", broker started by this run" : ""}), Redis (prefix ${cachePrefix})`,
  );
  console.log(
    `subgraphs in one child process, gateway in another (--expose-gc, rate limits off), ${BATCH} sockets opened at a time; subscribers (plain ws) and timing in this process`,
  );
  console.log(`subscription: ${SUBSCRIPTION}`);

  console.log(
    `\n1. fan-out: one postTransaction, every subscriber the same user watching the same budget (latency = mutation HTTP response → frame with the new spent, per subscriber)`,
  );
  table(
    [
      "subscribers",
      "received",
      "first ms",
      "p50 ms",
      "p99 ms",
      "max ms",
      "open s (new sockets)",
      "gateway sockets/subs (/metrics)",
      "RSS with N MiB",
      "RSS KiB/sub",
      "heap with N MiB",
      "heap KiB/sub",
      "mutation ms",
    ],
    rows.map((r, i) => [
      String(r.size),
      `${r.received}/${r.size}`,
      f1(r.min),
      f1(r.p50),
      f1(r.p99),
      f1(r.max),
      `${r.openSeconds.toFixed(1)} (${r.size - (rows[i - 1]?.size ?? 0)})`,
      r.gauge,
      mib(r.withN.rssBytes),
      kib(r.rssPerSub),
      mib(r.withN.heapUsedBytes),
      kib(r.heapPerSub),
      f1(r.mutationMs),
    ]),
  );
  console.log(
    `memory per subscription = (gateway value with N open − value before any: RSS ${mib(baseline.rssBytes)} MiB, heap ${mib(baseline.heapUsedBytes)} MiB) / N, each after two full GCs in the gateway; one subscription per socket, so it includes the socket`,
  );
  console.log(
    `sockets were kept between sizes (${SIZES.map((n, i) => (i === 0 ? String(n) : `+${n - SIZES[i - 1]!}`)).join(" → ")}); frames timestamped on arrival in this one process, so p99/max include this process reading ${maxSockets} sockets in turn`,
  );
  const negatives = rows.reduce((n, r) => n + r.negative, 0);
  if (negatives > 0)
    console.log(`${negatives} frames arrived before the mutation's HTTP response (negative latencies, counted as they are)`);

  const s = summarize(e2e);
  const m = summarize(mutationLatencies);
  console.log(
    `\n2. end to end, one subscriber: ledger outbox → Kafka → budgets consumer → budgets outbox → Kafka → gateway → client (latency = mutation HTTP response → frame with the new spent)`,
  );
  table(
    ["mutations", "updates received", "p50 ms", "p99 ms", "max ms", "mutation p50 ms", "mutation p99 ms", "seconds", "mutations/s"],
    [
      [
        String(MUTATIONS),
        String(e2e.length),
        f1(s.p50),
        f1(s.p99),
        f1(s.max),
        f1(m.p50),
        f1(m.p99),
        e2eSeconds.toFixed(1),
        (MUTATIONS / e2eSeconds).toFixed(1),
      ],
    ],
  );
  if (missed > 0) console.log(`${missed} updates did not arrive within ${E2E_TIMEOUT_MS / 1000} s`);
  const early = e2e.filter((l) => l < 0).length;
  if (early > 0) console.log(`${early} updates arrived before the mutation's HTTP response (negative latencies, counted as they are)`);
  console.log(`gateway at the end: ${lastStats.sockets} sockets, ${lastStats.subscriptions} subscriptions; total time ${elapsedS()} s`);
  if (fanOutFailed || missed > 0) process.exitCode = 1;
} finally {
  await cleanUp();
}
