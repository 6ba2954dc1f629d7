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
 * Subgraphs (all of them; one process) and the gateway (run with --expose-gc) each in a child
 * process (bench/live/stack.ts); the subscribers (plain `ws`, graphql-transport-ws by hand) and the
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
import { availableParallelism } from "node:os";

import { LiveSocket } from "./live/client.js";
import { type FanOut, firstWanted, measureFanOut, openMore, subscriptionsAre, warmUp } from "./live/fan-out.js";
import type { LiveStatsReply } from "./live/process.js";
import { ensureOpenFiles } from "./live/services.js";
import { LiveStack } from "./live/stack.js";
import { summarize } from "./stats.js";
import { bearer, graphql } from "./support/graphql.js";
import { positiveInteger, positiveIntegers } from "./support/settings.js";
import { printTable } from "./support/table.js";
import { runClock, sleep, until } from "./support/wait.js";

const SIZES = positiveIntegers("BENCH_LIVE_SIZES", "1000,5000,10000", { ascending: true });
const BATCH = positiveInteger("BENCH_LIVE_BATCH", 200);
const MUTATIONS = positiveInteger("BENCH_LIVE_MUTATIONS", 1000);
const PASSWORD = "plum-tractor-velvet-93";
const SUBSCRIPTION = `subscription($id: ID!) { budgetUpdated(id: $id) { id progress { spent { amount } status } categories { name } } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
/** Access tokens live 15 minutes; sockets close when theirs expires, so the run must fit. */
const RUN_LIMIT_MS = 13 * 60_000;
const FANOUT_TIMEOUT_MS = 60_000;
const E2E_TIMEOUT_MS = 10_000;

// Each socket is a file descriptor in this process and in the gateway (which inherits the limit).
const maxSockets = Math.max(...SIZES);
const limits = ensureOpenFiles(maxSockets + 1024);

const clock = runClock(RUN_LIMIT_MS);
const progressNote = clock.note;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");

const stack = new LiveStack("live");
const sockets = stack.sockets;

interface FanOutRow extends FanOut {
  size: number;
  openSeconds: number;
  rssPerSub: number;
  heapPerSub: number;
  withN: LiveStatsReply;
  gauge: string;
}

try {
  const { subgraphs, gateway: gw, wsUrl } = await stack.start();
  progressNote(`subgraphs (pid ${subgraphs.pid}) and gateway (pid ${gw.pid}) ready`);
  const gql = (query: string, variables: Record<string, unknown>, token?: string) =>
    graphql(gw.url, query, variables, token ? bearer(token) : {});

  const email = `${stack.cachePrefix}@example.com`;
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
  /** Every socket: the bench user watching the budget, with a token fresh for each batch. */
  let batchToken = token;
  const openSockets = (count: number) =>
    openMore(gw, sockets, count, {
      wsUrl,
      batch: BATCH,
      subscriber: () => ({ token: batchToken, query: SUBSCRIPTION, variables: { id: budgetId } }),
      beforeBatch: async () => {
        clock.checkTime("opening sockets");
        batchToken = await freshToken();
      },
    });
  const metricsGauge = async () => {
    const text = await (await fetch(new URL("/metrics", gw.url), { signal: AbortSignal.timeout(10_000) })).text();
    const value = (name: string) => new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? "?";
    return `${value("graphql_ws_open_sockets")}/${value("graphql_live_subscriptions")}`;
  };
  /** A change of `spent` from what it was before the mutation. */
  const measureOne = async () => {
    const before = await spent();
    return measureFanOut(sockets, postTransaction, (data) => spentOf(data) !== undefined && spentOf(data) !== before, FANOUT_TIMEOUT_MS);
  };

  const warm = await warmUp(gw, sockets, openSockets, measureOne);
  progressNote(`warm-up: update ${f1(warm)} ms after the mutation's response`);
  const baseline = await gw.stats(true);
  progressNote(`baseline: gateway RSS ${mib(baseline.rssBytes)} MiB, heap ${mib(baseline.heapUsedBytes)} MiB, ${baseline.sockets} sockets`);

  const rows: FanOutRow[] = [];
  let fanOutFailed = false;
  for (const size of SIZES) {
    const openStarted = performance.now();
    await openSockets(size - sockets.length);
    const openSeconds = (performance.now() - openStarted) / 1000;
    const gauge = await metricsGauge();
    const withN = await gw.stats(true);
    progressNote(
      `${size} subscriptions open (${size - (rows.at(-1)?.size ?? 0)} in ${openSeconds.toFixed(1)} s), gateway RSS ${mib(withN.rssBytes)} MiB`,
    );
    const fanOut = await measureOne();
    if (fanOut.received < sockets.length) fanOutFailed = true;
    rows.push({
      ...fanOut,
      size,
      openSeconds,
      rssPerSub: (withN.rssBytes - baseline.rssBytes) / size,
      heapPerSub: (withN.heapUsedBytes - baseline.heapUsedBytes) / size,
      withN,
      gauge,
    });
    progressNote(
      `${size}: ${fanOut.received} received, first ${f1(fanOut.first)} ms, p50 ${f1(fanOut.p50)} ms, p99 ${f1(fanOut.p99)} ms, max ${f1(fanOut.max)} ms`,
    );
    // Let any trailing frames of this event land before the next size's sockets open.
    await sleep(500);
  }
  const closeStarted = performance.now();
  await LiveSocket.closeAll(sockets.splice(0));
  await subscriptionsAre(gw, sockets, 0, 60_000);
  progressNote(`fan-out sockets closed in ${((performance.now() - closeStarted) / 1000).toFixed(1)} s`);

  // 2. One subscriber, sequential mutations, each waiting for its own update.
  await openSockets(1);
  const subscriber = sockets[0]!;
  let figure = Math.round(Number(await spent()) * 100);
  const e2e: number[] = [];
  const mutationLatencies: number[] = [];
  let missed = 0;
  const e2eStarted = performance.now();
  for (let i = 0; i < MUTATIONS; i++) {
    if (i % 100 === 0) clock.checkTime("the end-to-end loop");
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
      const frame = firstWanted(subscriber, (data) => spentOf(data) === expected, scanned);
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
  const fd = limits ? `${limits.soft} (hard ${limits.hard})` : "unknown";
  console.log(
    `live subscription benchmark: budgetUpdated over graphql-ws, ${availableParallelism()} cores, Node ${process.version}, open-file limit ${fd} (this process, as Node raises it at startup; the gateway inherits it; needs ${maxSockets + 1024})`,
  );
  console.log(stack.describe());
  console.log(
    `subgraphs in one child process, gateway in another (--expose-gc, rate limits off), ${BATCH} sockets opened at a time; subscribers (plain ws) and timing in this process`,
  );
  console.log(`subscription: ${SUBSCRIPTION}`);

  console.log(
    `\n1. fan-out: one postTransaction, every subscriber the same user watching the same budget (latency = mutation HTTP response → frame with the new spent, per subscriber)`,
  );
  printTable(
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
      f1(r.first),
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
  printTable(
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
  console.log(
    `gateway at the end: ${lastStats.sockets} sockets, ${lastStats.subscriptions} subscriptions; total time ${clock.elapsedS()} s`,
  );
  if (fanOutFailed || missed > 0) process.exitCode = 1;
} finally {
  await stack.cleanUp();
}
