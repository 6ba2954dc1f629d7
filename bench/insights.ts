/**
 * `npm run bench:insights`: the insights subgraph on real PostgreSQL.
 *   1. A user with 100,000 transactions over the five years up to today (the categorizer's generated
 *      history: bills on their days, everyday spending at chains and local shops with payees as banks
 *      print them; 5 % of the everyday expenses split in two categories, 2 % uncategorised, travel in
 *      EUR with a fifth of it lacking a rate; a card payment and a savings transfer a month; a car
 *      loan paid down monthly): `spendingByCategory` for last calendar year and `monthlyTrend` over 60
 *      months through the gateway, at 1 client; at 8 clients of that one user (identical reads: the
 *      gateway lets identical fetches in flight share one, and says how many did); and at 8 clients of
 *      8 such users, one each (every read computed). Each user's first answers are checked figure by
 *      figure against sums made here from the seeded rows; every later answer must equal the first.
 *      The target: p99 under 100 ms at 1 client.
 *   2. `netWorthHistory` (five years, MONTH; checked the same way), `subscriptions` and
 *      `recommendations` for that user, at 1 client.
 *   The users register through the gateway; their history is written straight into insights' read
 *   models (insights.categories, accounts, transactions, lines, loans, loan_balances) with bulk SQL,
 *   the 8 users' rows interleaved as if posted side by side: pushing 800,000 transactions through the
 *   ledger and its events would make this a benchmark of the ledger, which has its own.
 *   3. Event consumption: 8 other users post BENCH_POSTS transactions through the gateway's
 *      `postTransaction` from 8 closed loops (full speed, as bench:ledger measures the ledger's writes;
 *      80 % with a category, which the categorizer learns from, 20 % without, for which it reads the
 *      user's model and suggests one), while insights.transactions is counted every 25 ms: events/s
 *      consumed while the ledger writes and after, and the lag from the last answered post until
 *      insights has them all. On the in-process event bus, then again on Kafka (a fresh database and
 *      topic prefix) when a broker answers at BENCH_KAFKA_BROKERS.
 *   4. The categorizer in this process, the servers stopped: one model trained on the 100,000
 *      generated transactions of part 1 (time, count entries, heap it holds, its stored rows, rebuilding
 *      it from them, a suggestion); the database path is part 3's learning.
 * Subgraphs (one process) and the gateway each run in a child process; the requests, the polling and
 * the training run from here. Fresh databases, dropped at the end.
 *
 * Settings:
 *   BENCH_TRANSACTIONS       each analytics user's transactions over five years (default 100000)
 *   BENCH_REQUESTS           spendingByCategory and monthlyTrend requests per row (default 200)
 *   BENCH_NET_WORTH_REQUESTS netWorthHistory requests (default 50)
 *   BENCH_PATTERN_REQUESTS   subscriptions and recommendations requests (default 10)
 *   BENCH_POSTS              postTransaction calls in part 3, per bus (default 3000)
 *   BENCH_KAFKA_BROKERS      broker for part 3's second run (default 127.0.0.1:9092; "off" skips it)
 *   BENCH_POSTGRES_URL       admin URL of the server (default postgres://postgres@127.0.0.1:5432)
 */
import "reflect-metadata";

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import { Kafka, logLevel } from "kafkajs";

import { PostgresDatabaseProvider } from "../platform/db/index.js";
import { seriesDays, SeriesInterval } from "../subgraphs/insights/networth/series-days.js";
import insights from "../subgraphs/insights/subgraph.js";
import { ServerProcess } from "./gateway/process.js";
import { minorOf, netWorthProblems, spendingProblems, trendProblems } from "./insights/answer-check.js";
import { type ConsumptionRun, postAndFollow, postInputs, registerPosters } from "./insights/consumption.js";
import { benchHistory, expectedMonths, expectedNetWorth, expectedSpending, monthsUpTo } from "./insights/history-data.js";
import { seededIds, writeHistory } from "./insights/read-models.js";
import { trainInProcess } from "./insights/training.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { deleteKafkaNamespace } from "./live/services.js";
import { bearer, graphql } from "./support/graphql.js";
import { reads } from "./support/reads.js";
import { positiveInteger } from "./support/settings.js";
import { serverEnv, startSubgraphs } from "./support/stack.js";
import { printTable } from "./support/table.js";
import { runClock } from "./support/wait.js";

const TRANSACTIONS = positiveInteger("BENCH_TRANSACTIONS", 100_000);
const REQUESTS = positiveInteger("BENCH_REQUESTS", 200);
const NET_WORTH_REQUESTS = positiveInteger("BENCH_NET_WORTH_REQUESTS", 50);
const PATTERN_REQUESTS = positiveInteger("BENCH_PATTERN_REQUESTS", 10);
const POSTS = positiveInteger("BENCH_POSTS", 3_000);
const KAFKA_BROKERS = process.env.BENCH_KAFKA_BROKERS ?? "127.0.0.1:9092";
/** Users with the five-year history: one per client of the 8-client run. */
const HISTORY_USERS = 8;
const POSTERS = 8;
const TREND_MONTHS = 60;
const TARGET_P99_MS = 100;
const PASSWORD = "plum-tractor-velvet-93";

const SPENDING = `query($r: DateRangeInput!) { spendingByCategory(range: $r) { currency from to total { amount currency }
  categories { categoryId name amount { amount } sharePercent transactions } unconvertedLines } }`;
const TREND = `query($f: String!, $t: String!) { monthlyTrend(from: $f, to: $t) { currency income { date value } spending { date value } net { date value } } }`;
const NET_WORTH = `query($r: DateRangeInput!) { netWorthHistory(range: $r, interval: MONTH) { currency netWorth { date value } assets { date value }
  liabilities { date value } leftOut } }`;
const SUBSCRIPTIONS = `query { subscriptions { id merchant kind cadence typicalAmount { amount } lastAmount { amount } lastDate nextExpectedDate
  yearlyCost { amount } active missedCharges priceIncreases { date from { amount } to { amount } } transactionIds } }`;
const RECOMMENDATIONS = `query { recommendations { id kind title explanation figures { label value } } }`;

const started = performance.now();
const { note } = runClock();
const suffix = randomBytes(5).toString("hex");
const appDb = `moneta_bench_insights_${suffix}`;
const kafkaDb = `moneta_bench_insights_kafka_${suffix}`;
const topicPrefix = `bench-insights-${suffix}.`;
const work = mkdtempSync(join(tmpdir(), "moneta-bench-insights-"));
const servers: ServerProcess[] = [];
const providers: PostgresDatabaseProvider[] = [];
const databases: string[] = [];
let usedKafka = false;
const cleanUp = async () => {
  await Promise.allSettled(providers.map((p) => p.close()));
  await Promise.allSettled(servers.map((s) => s.stop()));
  for (const name of databases) await dropDatabase(name);
  if (usedKafka) await deleteKafkaNamespace(topicPrefix);
  rmSync(work, { recursive: true, force: true });
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

/** A subgraphs process, a gateway and an insights connection on a fresh database; `extra` adds to the servers' environment. */
async function startStack(database: string, extra: Record<string, string>) {
  await createDatabase(database);
  databases.push(database);
  const { env } = await serverEnv({ DATABASE_URL: databaseUrl(database), REDIS_URL: "", KAFKA_BROKERS: "", ...extra });
  const stack = await startSubgraphs(env, work);
  servers.push(stack.subgraphs);
  const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", stack.gatewayEnv);
  servers.push(gateway);
  const provider = new PostgresDatabaseProvider();
  providers.push(provider);
  const { dataSource } = await provider.open(
    "insights",
    { entities: insights.entities, migrations: insights.migrations },
    databaseUrl(database),
  );
  return {
    gatewayUrl: gateway.info.url as string,
    dataSource,
    usage: () => stack.subgraphs.usage(),
    stop: () => Promise.allSettled([gateway.stop(), stack.subgraphs.stop()]),
  };
}

/** Whether a Kafka broker answers at `brokers` within a few seconds. */
async function kafkaAnswers(brokers: string): Promise<boolean> {
  if (brokers === "off") return false;
  const admin = new Kafka({
    brokers: brokers.split(","),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 1 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

try {
  const main = await startStack(appDb, {});
  note("servers ready; writing the histories");
  const { gatewayUrl, dataSource } = main;
  /** How many subgraph fetches the gateway has answered with an identical one already in flight. */
  const sharedFetches = async () => {
    const text = await (await fetch(new URL("/metrics", gatewayUrl))).text();
    return Number(/^subgraph_fetches_deduplicated_total\{subgraph="insights"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };

  // Insights' "today" is the user's day: UTC until identity says otherwise, as for these users.
  const today = new Date().toISOString().slice(0, 10);
  const seeded = performance.now();
  const users = await Promise.all(
    Array.from({ length: HISTORY_USERS }, async (_, n) => {
      const registered = (
        await graphql(
          gatewayUrl,
          `
            mutation ($i: RegisterInput!) {
              register(input: $i) {
                accessToken
                user {
                  id
                }
              }
            }
          `,
          {
            i: { email: `bench.insights.${n}.${suffix}@example.com`, password: PASSWORD, displayName: `Bench ${n}` },
          },
        )
      ).data.register;
      const headers = bearer(registered.accessToken as string);
      return {
        ids: seededIds(registered.user.id as string),
        call: async (query: string, variables: Record<string, unknown> = {}) =>
          (await graphql(gatewayUrl, query, variables, headers, 60_000)).data,
      };
    }),
  );
  const history = benchHistory(TRANSACTIONS, today);
  const generatedSeconds = (performance.now() - seeded) / 1000;
  const written = await writeHistory(
    dataSource,
    history,
    users.map((u) => u.ids),
  );
  await dataSource.query(
    `VACUUM ANALYZE insights.categories, insights.accounts, insights.transactions, insights.lines, insights.loan_balances`,
  );
  const seedSeconds = (performance.now() - seeded) / 1000;

  const year = Number(today.slice(0, 4)) - 1;
  const yearRange = { from: `${year}-01-01`, to: `${year}-12-31` };
  const months = monthsUpTo(today.slice(0, 7), TREND_MONTHS);
  const netWorthRange = { from: history.first, to: today };
  const expected = {
    spending: expectedSpending(history, yearRange.from, yearRange.to),
    months: expectedMonths(history, months),
    netWorth: expectedNetWorth(history, seriesDays(netWorthRange, SeriesInterval.MONTH)),
  };
  const perUser = history.transactions.length;
  const yearLines = history.transactions
    .filter((t) => t.date >= yearRange.from && t.date <= yearRange.to)
    .reduce((n, t) => n + t.lines.length, 0);

  console.log(`insights benchmark: PostgreSQL at ${new URL(databaseUrl(appDb)).host} (fresh database), in-process event bus, no Redis`);
  console.log(
    `subgraphs in one child process, gateway in another (rate limits off), requests, polling and training from this one; ${availableParallelism()} cores shared`,
  );
  console.log(
    `read models: ${HISTORY_USERS} users × ${perUser} transactions (${written.transactions} rows, ${written.lines} lines) from ${history.first} to ${today}, ` +
      `interleaved; generated in ${generatedSeconds.toFixed(1)} s, written and vacuumed in ${(seedSeconds - generatedSeconds).toFixed(1)} s`,
  );

  note("histories written; analytics reads");
  // 1. spendingByCategory for last year and the 60-month trend; each user's first answers checked.
  const ask = {
    spending: (u: (typeof users)[number]) => u.call(SPENDING, { r: yearRange }).then((d) => d.spendingByCategory),
    trend: (u: (typeof users)[number]) => u.call(TREND, { f: months[0], t: months.at(-1) }).then((d) => d.monthlyTrend),
  };
  const firstSpending = await Promise.all(users.map(ask.spending));
  const firstTrend = await Promise.all(users.map(ask.trend));
  const analyticsProblems = [
    ...firstSpending.flatMap((a, i) => spendingProblems(a, expected.spending).map((p) => `user ${i} spending: ${p}`)),
    ...firstTrend.flatMap((a, i) => trendProblems(a, expected.months).map((p) => `user ${i} trend: ${p}`)),
  ];
  const fingerprints = { spending: firstSpending.map((a) => JSON.stringify(a)), trend: firstTrend.map((a) => JSON.stringify(a)) };
  const readOf = (which: "spending" | "trend", user: (client: number) => number) => async (client: number) => {
    const k = user(client);
    return JSON.stringify(await ask[which](users[k]!)) === fingerprints[which][k];
  };
  const analyticsRuns: Array<{ query: string; label: string; shared: number } & Awaited<ReturnType<typeof reads>>> = [];
  for (const which of ["spending", "trend"] as const) {
    await reads(
      HISTORY_USERS,
      2 * HISTORY_USERS,
      readOf(which, (client) => client),
    );
    for (const [label, clients, user] of [
      ["1 client", 1, () => 0],
      ["8 clients, one user", 8, () => 0],
      ["8 clients, 8 users", 8, (client: number) => client],
    ] as const) {
      const sharedBefore = await sharedFetches();
      const run = await reads(clients, REQUESTS, readOf(which, user));
      analyticsRuns.push({ query: which, label, ...run, shared: (await sharedFetches()) - sharedBefore });
    }
  }

  note("net worth, subscriptions, recommendations");
  // 2. Net worth (checked), recurring charges and recommendations, one client.
  const lead = users[0]!;
  const firstNetWorth = (await lead.call(NET_WORTH, { r: netWorthRange })).netWorthHistory;
  const netWorthIssues = netWorthProblems(firstNetWorth, expected.netWorth, 1);
  const same = (query: string, variables: Record<string, unknown>, first: unknown) => {
    const fingerprint = JSON.stringify(first);
    return async () => JSON.stringify(Object.values(await lead.call(query, variables))[0]) === fingerprint;
  };
  const firstSubscriptions = (await lead.call(SUBSCRIPTIONS)).subscriptions as Array<{
    merchant: string;
    cadence: string;
    yearlyCost: { amount: string };
  }>;
  const firstRecommendations = (await lead.call(RECOMMENDATIONS)).recommendations as Array<{ kind: string }>;
  const netWorthRun = await reads(1, NET_WORTH_REQUESTS, same(NET_WORTH, { r: netWorthRange }, firstNetWorth));
  const subscriptionsRun = await reads(1, PATTERN_REQUESTS, same(SUBSCRIPTIONS, {}, firstSubscriptions));
  const recommendationsRun = await reads(1, PATTERN_REQUESTS, same(RECOMMENDATIONS, {}, firstRecommendations));

  note("event consumption, in-process bus");
  // 3. Event consumption on the in-process bus.
  const inputs = postInputs(POSTS);
  const memoryRun = await postAndFollow(
    dataSource,
    await registerPosters(gatewayUrl, POSTERS, `memory.${suffix}`),
    inputs,
    today,
    main.usage,
  );
  await main.stop();

  note("categorizer training in this process");
  // 4. The categorizer alone in this process.
  const training = trainInProcess(history.generated);

  // 3 again on Kafka, when a broker answers.
  let kafkaRun: ConsumptionRun | null = null;
  const kafkaUp = await kafkaAnswers(KAFKA_BROKERS);
  if (kafkaUp) {
    usedKafka = true;
    note("event consumption, Kafka");
    const k = await startStack(kafkaDb, { KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: topicPrefix });
    kafkaRun = await postAndFollow(k.dataSource, await registerPosters(k.gatewayUrl, POSTERS, `kafka.${suffix}`), inputs, today, k.usage);
    await k.stop();
  }

  const ms = (value: number) => value.toFixed(1);
  const oneClient = (query: string) => analyticsRuns.find((r) => r.query === query && r.label === "1 client")!;
  console.log(
    `\nspendingByCategory(${yearRange.from}..${yearRange.to}) (${yearLines} lines in the year) and monthlyTrend(${months[0]}..${months.at(-1)}) ` +
      `(${TREND_MONTHS} months, every line) through the gateway, ${REQUESTS} requests per row`,
  );
  printTable(
    ["query", "clients", "requests/s", "p50 ms", "p99 ms", "max ms", "fetches shared in flight", "wrong answers"],
    analyticsRuns.map((r) => [
      r.query === "spending" ? "spendingByCategory" : "monthlyTrend",
      r.label,
      r.perSecond.toFixed(1),
      ms(r.p50),
      ms(r.p99),
      ms(r.max),
      String(r.shared),
      String(r.bad),
    ]),
  );
  const e = expected.spending;
  console.log(
    `figures (each user): ${year} spending ${firstSpending[0].total.amount} USD in ${e.categories.size} root categories, ${e.unconvertedLines} lines unconverted; ` +
      `${TREND_MONTHS}-month income ${expected.months.reduce((n, m) => n + m.incomeMinor, 0n)} and spending ${expected.months.reduce((n, m) => n + m.spendingMinor, 0n)} (minor units)`,
  );
  console.log(
    `checked against the seeded rows: ${analyticsProblems.length === 0 ? `every figure as expected for all ${HISTORY_USERS} users` : analyticsProblems.slice(0, 10).join("; ")}`,
  );
  for (const query of ["spending", "trend"]) {
    const r = oneClient(query);
    console.log(
      `target p99 < ${TARGET_P99_MS} ms at 1 client, ${query === "spending" ? "spendingByCategory" : "monthlyTrend"}: ${r.p99 < TARGET_P99_MS ? "met" : "NOT met"} (${ms(r.p99)} ms)`,
    );
  }

  console.log(
    `\nnetWorthHistory (${netWorthRange.from}..${netWorthRange.to}, MONTH), subscriptions and recommendations through the gateway, 1 client`,
  );
  printTable(
    ["query", "requests", "p50 ms", "p99 ms", "max ms", "wrong answers"],
    [
      ["netWorthHistory", netWorthRun],
      ["subscriptions", subscriptionsRun],
      ["recommendations", recommendationsRun],
    ].map(([name, r]) => {
      const run = r as typeof netWorthRun;
      return [name as string, String(run.n), ms(run.p50), ms(run.p99), ms(run.max), String(run.bad)];
    }),
  );
  const lastNetWorth = firstNetWorth.netWorth.at(-1);
  console.log(
    `netWorthHistory: ${firstNetWorth.netWorth.length} points, last ${lastNetWorth.value} USD on ${lastNetWorth.date}, ${firstNetWorth.leftOut} account left out (EUR); ` +
      `checked: ${netWorthIssues.length === 0 ? "every point as expected" : netWorthIssues.slice(0, 5).join("; ")}`,
  );
  const byCadence = new Map<string, number>();
  for (const s of firstSubscriptions) byCadence.set(s.cadence, (byCadence.get(s.cadence) ?? 0) + 1);
  const yearly = firstSubscriptions.reduce((n, s) => n + minorOf(s.yearlyCost.amount), 0n);
  console.log(
    `subscriptions: ${firstSubscriptions.length} active (${[...byCadence].map(([c, n]) => `${n} ${c}`).join(", ")}), ${yearly} minor a year; ` +
      `recommendations: ${firstRecommendations.map((r) => r.kind).join(", ") || "none"}`,
  );

  console.log(
    `\nevent consumption: ${POSTERS} users post ${POSTS} transactions through the gateway from ${POSTERS} closed loops (${memoryRun.categorised} with a category), ` +
      `insights.transactions counted every 25 ms; one warm-up post per user first`,
  );
  const runs: Array<[string, ConsumptionRun]> = [
    ["in-process bus", memoryRun],
    ...(kafkaRun ? [["Kafka", kafkaRun] as [string, ConsumptionRun]] : []),
  ];
  printTable(
    [
      "bus",
      "posted",
      "posts/s",
      "post p50 ms",
      "post p99 ms",
      "subgraphs CPU while posting",
      "in insights at last post",
      "consumed/s while posting",
      "lag after last post ms",
      "catch-up/s",
      "consumed/s overall",
    ],
    runs.map(([bus, r]) => [
      bus,
      String(r.posts),
      r.postsPerSecond.toFixed(0),
      ms(r.postP50),
      ms(r.postP99),
      `${r.subgraphsCpuPercent.toFixed(0)} %`,
      String(r.consumedAtLastWrite),
      r.consumedPerSecondWhilePosting.toFixed(0),
      r.lagMs.toFixed(0),
      Number.isFinite(r.catchUpPerSecond) ? r.catchUpPerSecond.toFixed(0) : "-",
      r.consumedPerSecondOverall.toFixed(0),
    ]),
  );
  console.log(
    `subgraphs CPU: user + system time of the one process all subgraphs share (ledger, insights and every other consumer), share of one core; ` +
      `on the in-process bus each consumer takes one event at a time, on Kafka one per partition (3) at a time`,
  );
  if (!kafkaUp) console.log(`Kafka: no broker answered at ${KAFKA_BROKERS}; that run was skipped`);
  console.log(
    `categorizer learning through the database (insights' consumer, part 3's transactions; learnt within: from the first post until insights had them all; ` +
      `bytes: the rows' own sizes, pg_column_size, without indexes and pages):`,
  );
  printTable(
    [
      "bus",
      "categorised events",
      "examples stored",
      "learnt within s",
      "suggestions stored",
      "model rows per user",
      "model bytes per user",
      "example bytes per user",
    ],
    runs.map(([bus, r]) => [
      bus,
      String(r.categorised),
      String(r.examples),
      r.allSeconds.toFixed(1),
      String(r.suggestions),
      r.modelRowsPerUser.toFixed(0),
      r.modelBytesPerUser.toFixed(0),
      r.exampleBytesPerUser.toFixed(0),
    ]),
  );

  console.log(`\ncategorizer trained in this process (servers stopped) on the ${training.examples} generated transactions of part 1`);
  printTable(
    [
      "examples",
      "train ms",
      "µs each",
      "count entries",
      "categories",
      "tokens",
      "heap held",
      "rows as JSON",
      "rebuild from rows ms",
      "suggest p50 µs",
      "p99 µs",
    ],
    [
      [
        String(training.examples),
        training.trainMs.toFixed(0),
        ((1000 * training.trainMs) / training.examples).toFixed(1),
        String(training.entries),
        String(training.categories),
        String(training.vocabulary),
        `${(training.heapBytes / 2 ** 20).toFixed(2)} MiB`,
        `${(training.rowsJsonBytes / 1024).toFixed(0)} KiB`,
        training.rebuildMs.toFixed(1),
        (1000 * training.suggest.p50).toFixed(0),
        (1000 * training.suggest.p99).toFixed(0),
      ],
    ],
  );
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (
    analyticsProblems.length > 0 ||
    analyticsRuns.some((r) => r.bad > 0) ||
    netWorthIssues.length > 0 ||
    [netWorthRun, subscriptionsRun, recommendationsRun].some((r) => r.bad > 0) ||
    runs.some(([, r]) => r.failedPosts > 0 || r.examples !== r.categorised)
  )
    process.exitCode = 1;
} finally {
  await cleanUp();
}
