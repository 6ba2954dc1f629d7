/**
 * `npm run bench:soak` (not in CI): a fixed mixed rate through the gateway for SOAK_MINUTES (default
 * 10) on real PostgreSQL, Redis and Kafka, to show nothing drifts: errors stay at 0, heap after a
 * full GC stays flat, p99 stays where it started, and every live update arrives.
 *   - reads: `transactions(first: 20)`, `me`, `budgets` with progress, each at its own rate;
 *   - writes: `postTransaction` (−1.00 in Groceries) with an idempotency key, retried with the same
 *     key on a network error, timeout or 5xx, as a good client does;
 *   - SOAK_SUBSCRIBERS graphql-ws sockets, spread over the users, each on its user's budgetUpdated:
 *     every acknowledged write should reach each of its user's subscribers once.
 * Open loop (request i of a kind is sent at start + i / rate whatever the others do), latency from
 * sending to the whole answer. Every minute and at the end: requests per second by kind, errors,
 * p50/p99, heap used after a forced full GC in the gateway and in the subgraphs process (both run
 * with --expose-gc; the GC pauses them once a minute, which the p99 includes), live updates
 * delivered vs expected. At the end: the least-squares heap slope in KiB per minute (flat: under 1%
 * of the heap per minute), and the effects checked through the API (each budget's spent and each
 * account's balance equal to the writes acknowledged).
 * Subgraphs (all; one process) and the gateway (bench/live/gateway.server.ts, rate limits off) each
 * in a child process; fresh database, topic prefix and cache prefix, removed at the end.
 *
 * Settings:
 *   SOAK_MINUTES          run length (default 10; at most 13: access tokens live 15 minutes and the
 *                         gateway closes a subscription when its token expires)
 *   SOAK_READS_PER_S      reads per second, split evenly over the three (default 30)
 *   SOAK_WRITES_PER_S     postTransaction per second (default 6)
 *   SOAK_USERS            users the load is spread over (default 10)
 *   SOAK_SUBSCRIBERS      graphql-ws subscribers (default 200)
 *   SOAK_MAX_IN_FLIGHT    unanswered requests per kind before the next is shed (default 200)
 *   BENCH_KAFKA_BROKERS, BENCH_REDIS_URL, BENCH_POSTGRES_URL, BENCH_LOG_LEVEL as bench:live
 */
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";

import { openMore } from "./live/fan-out.js";
import { LiveStack } from "./live/stack.js";
import { type LoadKind, Recorder, runAtFixedRate, slope } from "./soak/load.js";
import { BUDGET_SUBSCRIPTION, CountingSubscriber } from "./soak/subscribers.js";
import { type Call, freshToken, gatewayCall, setUpUsers, type SoakUser } from "./soak/users.js";
import { summarize } from "./stats.js";
import { positiveInteger, positiveNumber } from "./support/settings.js";
import { printTable } from "./support/table.js";
import { runClock, sleep, until } from "./support/wait.js";

const MINUTES = positiveInteger("SOAK_MINUTES", 10);
if (MINUTES > 13) throw new Error("SOAK_MINUTES must be at most 13: access tokens live 15 minutes and subscriptions close with them");
const READS_PER_S = positiveNumber("SOAK_READS_PER_S", 30);
const WRITES_PER_S = positiveNumber("SOAK_WRITES_PER_S", 6);
const USERS = positiveInteger("SOAK_USERS", 10);
const SUBSCRIBERS = positiveInteger("SOAK_SUBSCRIBERS", 200);
const MAX_IN_FLIGHT = positiveInteger("SOAK_MAX_IN_FLIGHT", 200);
const WRITE_ATTEMPTS = 4;
const DRAIN_TIMEOUT_MS = 120_000;

const READS: Array<{ name: string; query: string; check: (data: any) => boolean }> = [
  {
    name: "transactions",
    query: `{ transactions(first: 20) { nodes { id amount { amount } } } }`,
    check: (d) => Array.isArray(d?.transactions?.nodes),
  },
  { name: "me", query: `{ me { id email } }`, check: (d) => typeof d?.me?.id === "string" },
  {
    name: "budgets",
    query: `{ budgets { id progress { spent { amount } status } } }`,
    check: (d) => Array.isArray(d?.budgets) && d.budgets.length === 1,
  },
];
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;

const clock = runClock();
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const cents = (amount: string | undefined) => (amount === undefined ? NaN : Math.round(Number(amount) * 100));

const stack = new LiveStack("soak");

/** A failure worth retrying with the same idempotency key: no answer, or a 5xx / gateway error. */
class Retryable extends Error {}

/** One postTransaction with `key`, retried with the same key; answers the transaction id. */
async function postOnce(url: string, user: SoakUser, key: string, date: string, onRetry: () => void): Promise<string> {
  let last: Error | undefined;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    if (attempt > 1) {
      onRetry();
      await sleep(200 * 2 ** (attempt - 2));
    }
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` },
        body: JSON.stringify({
          query: POST,
          variables: {
            input: {
              accountId: user.accountId,
              amount: { amount: "-1.00", currency: "USD" },
              date,
              payee: "Soak",
              categoryId: user.categoryId,
              idempotencyKey: key,
            },
          },
        }),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status >= 500) throw new Retryable(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      const id = body.data?.postTransaction?.id as string | undefined;
      if (id) return id;
      throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
    } catch (error) {
      last = error as Error;
      const network = last.name === "TimeoutError" || last.name === "AbortError" || last instanceof TypeError;
      if (!(last instanceof Retryable) && !network) throw last;
    }
  }
  throw new Error(`postTransaction failed ${WRITE_ATTEMPTS} times with key ${key}: ${last?.message}`);
}

/** Reads each user's budget spent and account balance through the gateway, in cents (spent positive, balance negative). */
async function effects(call: Call, user: SoakUser) {
  const { data } = await call(
    `query($b: ID!) { budget(id: $b) { progress { spent { amount } } } accounts { id balance { amount } } }`,
    { b: user.budgetId },
    user.token,
  );
  const account = (data.accounts as Array<{ id: string; balance: { amount: string } }>).find((a) => a.id === user.accountId);
  return { spent: cents(data.budget?.progress?.spent?.amount), balance: cents(account?.balance.amount) };
}

interface MinuteSample {
  minute: number;
  gatewayHeap: number;
  subgraphsHeap: number;
  gatewayRss: number;
  subgraphsRss: number;
  liveSubscriptions: number;
}

try {
  const { subgraphs, gateway: gw, wsUrl } = await stack.start({ REGISTRATIONS_PER_IP_PER_HOUR: "1000000" }, ["--expose-gc"]);
  clock.note(`subgraphs (pid ${subgraphs.pid}) and gateway (pid ${gw.pid}) ready`);
  const call = gatewayCall(gw.url);
  const users = await setUpUsers(call, stack.cachePrefix, USERS);
  clock.note(`${USERS} users with an account and a budget`);

  // Subscribers, round-robin over the users, each with its user's token of the moment.
  const subscribers: CountingSubscriber[] = [];
  const deliveredByMinute: number[] = [];
  const recorder = new Recorder();
  const onDelivered = (at: number) => {
    const m = recorder.minuteOf(at);
    if (m >= 0) deliveredByMinute[m] = (deliveredByMinute[m] ?? 0) + 1;
  };
  await openMore(gw, stack.sockets, SUBSCRIBERS, {
    wsUrl,
    batch: 50,
    subscriber: (i) => ({ token: users[i % USERS]!.token, query: BUDGET_SUBSCRIPTION, variables: { id: users[i % USERS]!.budgetId } }),
  });
  stack.sockets.forEach((socket, i) => subscribers.push(new CountingSubscriber(socket, i % USERS, onDelivered)));
  clock.note(`${SUBSCRIBERS} subscribers open`);

  const today = new Date().toISOString().slice(0, 10);
  const runId = randomBytes(4).toString("hex");
  const acked = new Array<number>(USERS).fill(0);
  const ackedByMinute: number[][] = [];
  const ids = new Set<string>();
  let duplicateIds = 0;
  let retries = 0;

  /** Every subscriber of every user shows `spent` = its user's acknowledged writes (+ warm-up). */
  const caughtUp = (warmUps: number) => subscribers.every((s) => s.alive && cents(s.lastSpent) === (acked[s.userIndex]! + warmUps) * 100);

  // Warm-up: one write per user, until every subscriber has it (the gateway's consumer has joined).
  await Promise.all(users.map((user) => postOnce(gw.url, user, `${runId}-warm-${user.index}`, today, () => retries++)));
  await until("warm-up updates at every subscriber", 90_000, () => (caughtUp(1) ? true : undefined), 100);
  const baseline = { gateway: await gw.stats(true), subgraphs: await subgraphs.memory(true) };
  if (!baseline.subgraphs.gcRan || !gw.gcExposed) throw new Error("a server process runs without --expose-gc");
  for (const s of subscribers) s.delivered = 0;
  clock.note(
    `warm-up done; after GC: gateway heap ${mib(baseline.gateway.heapUsedBytes)} MiB, subgraphs heap ${mib(baseline.subgraphs.heapUsedBytes)} MiB; running ${MINUTES} min`,
  );

  const readKinds: LoadKind[] = READS.map((read) => ({
    name: read.name,
    perSecond: READS_PER_S / READS.length,
    send: async (seq) => {
      const user = users[seq % USERS]!;
      const { data } = await call(read.query, {}, user.token);
      if (!read.check(data)) throw new Error(`${read.name} answered ${JSON.stringify(data).slice(0, 200)}`);
    },
  }));
  const writeKind: LoadKind = {
    name: "postTransaction",
    perSecond: WRITES_PER_S,
    send: async (seq) => {
      const user = users[seq % USERS]!;
      const id = await postOnce(gw.url, user, `${runId}-${seq}`, today, () => retries++);
      if (ids.has(id)) duplicateIds++;
      ids.add(id);
      acked[user.index]!++;
      const m = recorder.minuteOf(performance.now());
      (ackedByMinute[m] ??= new Array<number>(USERS).fill(0))[user.index]!++;
    },
  };
  const kinds = [...readKinds, writeKind];
  const subscribersOf = users.map((u) => subscribers.filter((s) => s.userIndex === u.index).length);
  const expectedIn = (m: number) => (ackedByMinute[m] ?? []).reduce((n, count, u) => n + count * subscribersOf[u]!, 0);

  const startedAt = performance.now();
  recorder.startedAt = startedAt;
  const load = runAtFixedRate(kinds, MINUTES * 60_000, recorder, startedAt, MAX_IN_FLIGHT);
  const samples: MinuteSample[] = [];
  const isRead = (k: string) => k !== writeKind.name;
  for (let m = 0; m < MINUTES; m++) {
    await sleep(startedAt + (m + 1) * 60_000 - performance.now());
    const [gatewayStats, subgraphsMemory] = await Promise.all([gw.stats(true), subgraphs.memory(true)]);
    samples.push({
      minute: m + 1,
      gatewayHeap: gatewayStats.heapUsedBytes,
      subgraphsHeap: subgraphsMemory.heapUsedBytes,
      gatewayRss: gatewayStats.rssBytes,
      subgraphsRss: subgraphsMemory.rssBytes,
      liveSubscriptions: gatewayStats.subscriptions,
    });
    const all = recorder.summary(m);
    const perS = (k: string) => f1(recorder.summary(m, (x) => x === k).ok / 60);
    clock.note(
      `minute ${m + 1}: ${kinds.map((k) => `${k.name} ${perS(k.name)}/s`).join(", ")}; errors ${all.errors}, shed ${all.shed}, retries so far ${retries}; p50 ${f1(all.p50)} ms, p99 ${f1(all.p99)} ms; heap after GC gateway ${mib(gatewayStats.heapUsedBytes)} MiB, subgraphs ${mib(subgraphsMemory.heapUsedBytes)} MiB; live ${deliveredByMinute[m] ?? 0}/${expectedIn(m)} (delivered/expected, minute edges shift a few), ${gatewayStats.subscriptions} subscriptions`,
    );
    // Tokens are renewed here, between minutes, not in the middle of the load.
    for (const user of users) await freshToken(call, user);
  }
  await load;
  clock.note(`load done; waiting for every subscriber to catch up`);

  // Drain: every subscriber shows its user's last spent, or the timeout says who lags.
  const drainStarted = performance.now();
  const drained = await until(
    "every subscriber at its user's final spent",
    DRAIN_TIMEOUT_MS,
    () => (caughtUp(1) ? true : undefined),
    200,
  ).then(
    () => true,
    () => false,
  );
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  const checked = await Promise.all(users.map((user) => effects(call, user)));
  const wrongEffects = users.filter(
    (u, i) => checked[i]!.spent !== (acked[u.index]! + 1) * 100 || checked[i]!.balance !== -(acked[u.index]! + 1) * 100,
  );
  const finalStats = await gw.stats(true);

  // Output.
  const totalAcked = acked.reduce((a, b) => a + b, 0);
  const expected = users.reduce((n, u) => n + acked[u.index]! * subscribersOf[u.index]!, 0);
  const delivered = subscribers.reduce((n, s) => n + s.delivered, 0);
  const frameErrors = subscribers.reduce((n, s) => n + s.errors, 0);
  const closed = subscribers.filter((s) => !s.alive).length;
  const behind = subscribers.filter((s) => cents(s.lastSpent) !== (acked[s.userIndex]! + 1) * 100).length;
  const minutesRange = Array.from({ length: MINUTES }, (_, m) => m);
  const totals = (which: (k: string) => boolean) => {
    const per = minutesRange.map((m) => recorder.summary(m, which));
    const latencies = minutesRange.flatMap((m) =>
      [...recorder.minutes[m]!.entries()].filter(([k]) => which(k)).flatMap(([, e]) => e.latencies),
    );
    return {
      ok: per.reduce((n, s) => n + s.ok, 0),
      errors: per.reduce((n, s) => n + s.errors, 0),
      shed: per.reduce((n, s) => n + s.shed, 0),
      ...summarize(latencies),
    };
  };
  const kib = (bytes: number) => bytes / 1024;
  const xs = samples.map((s) => s.minute);
  const slopeOf = (ys: number[]) => {
    const perMinute = slope(xs, ys.map(kib));
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    return { perMinute, percent: (perMinute / kib(mean)) * 100 };
  };
  const gatewaySlope = slopeOf(samples.map((s) => s.gatewayHeap));
  const subgraphsSlope = slopeOf(samples.map((s) => s.subgraphsHeap));
  const p99s = minutesRange.map((m) => recorder.summary(m).p99);

  console.log(
    `soak: ${MINUTES} min at a fixed mixed rate through the gateway; ${availableParallelism()} cores, Node ${process.version}, 1-minute load average ${loadavg()[0]!.toFixed(1)} at the end`,
  );
  console.log(stack.describe());
  console.log(
    `rates: ${READS.map((r) => r.name).join(" / ")} ${f1(READS_PER_S / READS.length)}/s each, postTransaction ${f1(WRITES_PER_S)}/s (idempotency key, up to ${WRITE_ATTEMPTS} attempts); ${USERS} users; ${SUBSCRIBERS} graphql-ws subscribers on budgetUpdated (${f1(SUBSCRIBERS / USERS)} per user); open loop, latency from sending to the whole answer`,
  );
  printTable(
    [
      "minute",
      ...kinds.map((k) => `${k.name}/s`),
      "errors",
      "shed",
      "p50 ms",
      "p99 ms",
      "write p99 ms",
      "gateway heap MiB",
      "subgraphs heap MiB",
      "live delivered/expected",
    ],
    minutesRange.map((m) => {
      const all = recorder.summary(m);
      const sample = samples[m]!;
      return [
        String(m + 1),
        ...kinds.map((k) => f1(recorder.summary(m, (x) => x === k.name).ok / 60)),
        String(all.errors),
        String(all.shed),
        f1(all.p50),
        f1(all.p99),
        f1(recorder.summary(m, (x) => x === writeKind.name).p99),
        mib(sample.gatewayHeap),
        mib(sample.subgraphsHeap),
        `${deliveredByMinute[m] ?? 0}/${expectedIn(m)}`,
      ];
    }),
  );
  console.log(`\nwhole run, by kind:`);
  printTable(
    ["kind", "ok", "per s", "errors", "shed", "p50 ms", "p99 ms", "max ms"],
    [
      ...kinds.map((k) => [k.name, totals((x) => x === k.name)] as const),
      ["reads", totals(isRead)] as const,
      ["all", totals(() => true)] as const,
    ].map(([name, t]) => [
      name,
      String(t.ok),
      f1(t.ok / (MINUTES * 60)),
      String(t.errors),
      String(t.shed),
      f1(t.p50),
      f1(t.p99),
      f1(t.max),
    ]),
  );
  for (const [kind, message] of recorder.firstErrors) console.log(`first ${kind} error: ${message}`);
  console.log(
    `\np99 per minute: ${p99s.map(f1).join(", ")} ms (max/min ${f1(Math.max(...p99s) / Math.min(...p99s))}×); heap sampled after two forced full GCs at each minute's end`,
  );
  console.log(
    `heap slope (least squares over minutes 1–${MINUTES}): gateway ${f1(gatewaySlope.perMinute)} KiB/min (${gatewaySlope.percent.toFixed(2)}% of its heap per minute), subgraphs ${f1(subgraphsSlope.perMinute)} KiB/min (${subgraphsSlope.percent.toFixed(2)}%); a leak shows as a steady positive slope, flat is under 1% of the heap per minute`,
  );
  console.log(
    `heap after GC before the load: gateway ${mib(baseline.gateway.heapUsedBytes)} MiB, subgraphs ${mib(baseline.subgraphs.heapUsedBytes)} MiB; RSS at the last minute: gateway ${mib(samples.at(-1)!.gatewayRss)} MiB, subgraphs ${mib(samples.at(-1)!.subgraphsRss)} MiB`,
  );
  console.log(
    `writes: ${totalAcked} acknowledged, ${retries} retries with the same key, ${duplicateIds} duplicate ids; effects through the API (budget spent and account balance = acknowledged + 1 warm-up, per user): ${wrongEffects.length === 0 ? "all right" : `${wrongEffects.length} users wrong`}`,
  );
  console.log(
    `live: ${delivered}/${expected} updates delivered/expected (one per acknowledged write per subscriber of its user), ${frameErrors} error frames, ${closed} sockets closed, ${behind} subscribers not at the final spent ${drained ? `(all caught up ${drainSeconds.toFixed(1)} s after the load)` : `after ${DRAIN_TIMEOUT_MS / 1000} s`}; gateway counted ${finalStats.subscriptions} subscriptions at the end`,
  );
  const firstFrameError = subscribers.find((s) => s.firstError)?.firstError;
  if (firstFrameError) console.log(`first error frame: ${firstFrameError}`);
  console.log(`total time ${clock.elapsedS()} s`);
  const errors = totals(() => true).errors + totals(() => true).shed;
  if (errors > 0 || duplicateIds > 0 || wrongEffects.length > 0 || delivered !== expected || frameErrors > 0 || closed > 0 || !drained)
    process.exitCode = 1;
} finally {
  await stack.cleanUp();
}
