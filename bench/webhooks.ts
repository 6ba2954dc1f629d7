/**
 * `npm run bench:webhooks`: webhook delivery to a local receiver on 127.0.0.1, in this process.
 *   1. Event to delivery: one user posts BENCH_WEBHOOK_POSTS transactions through the gateway, one
 *      at a time; each is timed from postTransaction's answer to the signed POST arriving (outbox,
 *      bus, the webhook consumer's inbox, the worker's claim, DNS-free address check, HMAC, POST).
 *   2. The worker alone: BENCH_WEBHOOK_BATCH deliveries queued at once, as the consumer writes them;
 *      deliveries/s until the receiver has them all, and each attempt's own duration (connect, POST,
 *      answer) as the attempt log records it.
 * On the embedded defaults, or with BENCH_REAL=1 on a fresh PostgreSQL database (BENCH_POSTGRES_URL)
 * and Kafka at BENCH_KAFKA_BROKERS (default 127.0.0.1:9092), under a fresh topic prefix.
 *
 * Settings: BENCH_WEBHOOK_POSTS (default 200), BENCH_WEBHOOK_BATCH (default 2000), BENCH_REAL.
 */
import "reflect-metadata";

import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { loadConfig, type PlatformConfig } from "../platform/config/index.js";
import type { InsightsDeps } from "../subgraphs/insights/insights.deps.js";
import { startTestSupergraph } from "../test/harness/supergraph.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { ms, summarize } from "./stats.js";

const POSTS = Number(process.env.BENCH_WEBHOOK_POSTS ?? 200);
const BATCH = Number(process.env.BENCH_WEBHOOK_BATCH ?? 2000);
process.env.WEBHOOKS_ALLOW_LOOPBACK = "true";
process.env.WEBHOOK_POLL_MS = "20";
process.env.WEBHOOK_CONCURRENCY = process.env.WEBHOOK_CONCURRENCY ?? "20";

const arrivals = new Map<string, number>();
let waiting: { count: number; resolve: () => void } | undefined;
const receiver = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    arrivals.set(String(request.headers["moneta-delivery"]), performance.now());
    response.writeHead(204).end();
    if (waiting && arrivals.size >= waiting.count) waiting.resolve();
  });
});
const until = (count: number) => new Promise<void>((resolve) => (arrivals.size >= count ? resolve() : (waiting = { count, resolve })));

async function main(): Promise<void> {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const real = process.env.BENCH_REAL === "1";
  const run = `bench_webhooks_${randomUUID().slice(0, 8)}`;
  const base = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }, { memory: true });
  let config: PlatformConfig = base;
  if (real) {
    await createDatabase(run);
    config = {
      ...base,
      databaseUrl: databaseUrl(run),
      kafkaBrokers: [process.env.BENCH_KAFKA_BROKERS ?? "127.0.0.1:9092"],
      kafkaTopicPrefix: `${run}.`,
    };
  }
  const sg = await startTestSupergraph(config);
  try {
    const deps = sg.subgraph<InsightsDeps>("insights").deps;
    const user = await sg.register("Bench");
    const account = await sg.createAccount(user);
    const created = await sg.query(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }`,
      { i: { url, events: ["transaction.created"] } },
      user.headers,
    );
    const endpointId = created.data.createWebhookEndpoint.endpoint.id as string;

    const latencies: number[] = [];
    for (let i = 0; i < POSTS; i++) {
      const r = await sg.query(
        `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`,
        { i: { accountId: account, amount: { amount: "-1.00", currency: "USD" }, date: "2026-01-01", payee: `Shop ${i}` } },
        user.headers,
      );
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      const answered = performance.now();
      await until(i + 1);
      latencies.push([...arrivals.values()].at(-1)! - answered);
    }
    const e2e = summarize(latencies);
    console.log(`event → delivery (${config.kafkaBrokers ? "PostgreSQL + Kafka" : "embedded"}), ${e2e.n} posts one at a time:`);
    console.log(`  p50 ${ms(e2e.p50)}  p99 ${ms(e2e.p99)}  max ${ms(e2e.max)}`);

    const before = arrivals.size;
    const now = new Date();
    const started = performance.now();
    await sg.subgraph("insights").kit.dataSource.transaction((manager) =>
      deps.webhookDeliveries.queue(
        manager,
        Array.from({ length: BATCH }, (_, i) => ({
          id: randomUUID(),
          endpointId,
          userId: user.id,
          eventId: randomUUID(),
          eventType: "transaction.created",
          payload: JSON.stringify({ id: randomUUID(), type: "transaction.created", createdAt: now.toISOString(), data: { n: i } }),
          test: false,
          createdAt: now,
          deadlineAt: new Date(now.getTime() + 86_400_000),
        })),
      ),
    );
    const queued = performance.now();
    await until(before + BATCH);
    const seconds = (performance.now() - queued) / 1000;
    const rows: Array<{ d: number }> = await sg
      .subgraph("insights")
      .kit.dataSource.query(`SELECT duration_ms AS d FROM insights.webhook_attempts WHERE user_id = $1`, [user.id]);
    const attempts = summarize(rows.map((r) => Number(r.d)));
    console.log(`worker, ${BATCH} deliveries queued in ${ms(queued - started)}, concurrency ${process.env.WEBHOOK_CONCURRENCY}:`);
    console.log(
      `  ${(BATCH / seconds).toFixed(0)} deliveries/s; each attempt p50 ${ms(attempts.p50)}  p99 ${ms(attempts.p99)}  max ${ms(attempts.max)}`,
    );
  } finally {
    await sg.close();
    receiver.close();
    if (real) await dropDatabase(run);
  }
}

await main();
