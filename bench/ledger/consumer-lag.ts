/**
 * Part of `npm run bench:ledger`: do the ledger's consumers keep up with its writes, on real Kafka?
 * postTransaction at BENCH_LAG_CLIENTS (8) clients through the gateway for BENCH_LAG_SECONDS (10),
 * one user with one budget over all spending (so budgets re-checks it, as the fault run's does), then, for every consumer of the ledger's transaction topic, from the database: events consumed per
 * second against produced per second, and lag = inbox.processed_at − the event's occurredAt
 * (ledger.outbox.created_at) at p50 / p99 / max. Its own database, topic prefix and processes;
 * the broker is BENCH_KAFKA_BROKERS (default 127.0.0.1:9092, started with scripts/kafka.sh if down).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import { LEDGER_TRANSACTION_TOPIC } from "../../schema/events/ledger.js";
import { ServerProcess } from "../gateway/process.js";
import { deleteKafkaNamespace, ensureKafka, KAFKA_BROKERS } from "../live/services.js";
import { closedLoop } from "../support/closed-loop.js";
import { bearer as bearerOf, graphql } from "../support/graphql.js";
import { positiveInteger } from "../support/settings.js";
import { serverEnv, startSubgraphs } from "../support/stack.js";
import { printTable } from "../support/table.js";
import { until } from "../support/wait.js";
import { createDatabase, databaseUrl, dropDatabase } from "./postgres.js";

interface ConsumerLag {
  consumer: string;
  consumed: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export async function measureConsumerLag(): Promise<{ producedPerSecond: number; consumers: ConsumerLag[] }> {
  const seconds = positiveInteger("BENCH_LAG_SECONDS", 10);
  const clients = positiveInteger("BENCH_LAG_CLIENTS", 8);
  const suffix = randomBytes(5).toString("hex");
  const db = `moneta_bench_lag_${suffix}`;
  const prefix = `bench.lag.${suffix}.`;
  const work = mkdtempSync(join(tmpdir(), "moneta-bench-lag-"));
  const servers: ServerProcess[] = [];
  await ensureKafka();
  await createDatabase(db);
  try {
    const { env } = await serverEnv({ DATABASE_URL: databaseUrl(db), REDIS_URL: "", KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: prefix });
    const { subgraphs, gatewayEnv } = await startSubgraphs(env, work);
    servers.push(subgraphs);
    const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", gatewayEnv);
    servers.push(gateway);
    const url = gateway.info.url as string;
    const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (await graphql(url, query, variables, headers, 60_000)).data;
    const registered = await post(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
      i: { email: `lag.${suffix}@example.com`, password: "plum-tractor-velvet-93", displayName: "Lag" },
    });
    const bearer = bearerOf(registered.register.accessToken as string);
    const accountId = (
      await post(
        `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
        { i: { name: "Lag", type: "CHECKING", openingBalance: { amount: "0", currency: "EUR" }, openingDate: "2000-01-01" } },
        bearer,
      )
    ).createAccount.id as string;
    // Budgets learns the user's settings from identity's events: retried until it can take the budget.
    await until(
      "budgets takes a budget",
      60_000,
      async () => {
        const created = await post(
          `mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }`,
          {
            i: {
              name: "Everything",
              categoryIds: [],
              period: "MONTHLY",
              amount: { amount: "1000.00", currency: "USD" },
              startDate: "2026-11-01",
            },
          },
          bearer,
        );
        return created.createBudget.id as string;
      },
      250,
    );

    const client = new pg.Client({ connectionString: databaseUrl(db) });
    await client.connect();
    try {
      const [{ from }] = (await client.query(`SELECT now() AS from`)).rows;
      const run = await closedLoop({
        url,
        headers: bearer,
        query: `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`,
        variables: { input: { accountId, amount: { amount: "-12.34", currency: "EUR" }, date: "2026-11-05", payee: "Lag" } },
        connections: clients,
        seconds,
        succeeded: (data) => typeof data?.postTransaction?.id === "string",
      });
      // Counted again while waiting: requests in flight when the loop stopped still commit events.
      const countProduced = async () =>
        Number(
          (
            await client.query(`SELECT count(*) AS n FROM ledger.outbox WHERE topic = $1 AND created_at >= $2`, [
              LEDGER_TRANSACTION_TOPIC,
              from,
            ])
          ).rows[0].n,
        );
      let produced = await countProduced();
      const schemas: string[] = (
        await client.query(`SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'inbox' ORDER BY 1`)
      ).rows.map((r) => r.s as string);
      const union = schemas
        .map(
          (s) =>
            `SELECT '${s}.' || i.consumer AS consumer, i.processed_at, o.created_at FROM "${s}".inbox i JOIN ledger.outbox o ON o.id = i.event_id
             WHERE o.topic = $1 AND o.created_at >= $2`,
        )
        .join(" UNION ALL ");
      const stats = async (): Promise<ConsumerLag[]> =>
        (
          await client.query(
            `SELECT consumer, count(*)::int AS consumed,
                    extract(epoch FROM max(processed_at) - $2::timestamptz) AS span,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at)) * 1000 AS p50,
                    percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - created_at)) * 1000 AS p99,
                    max(extract(epoch FROM processed_at - created_at)) * 1000 AS max
             FROM (${union}) AS lag GROUP BY consumer ORDER BY consumer`,
            [LEDGER_TRANSACTION_TOPIC, from],
          )
        ).rows.map((r) => ({
          consumer: r.consumer,
          consumed: r.consumed,
          perSecond: r.consumed / Number(r.span),
          p50: Number(r.p50),
          p99: Number(r.p99),
          max: Number(r.max),
        }));
      // Until every consumer has caught up (or 120 s): lag counts the backlog a slow one leaves behind.
      let consumers = await stats();
      for (const end = Date.now() + 120_000; Date.now() < end && consumers.some((c) => c.consumed < produced);) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        [produced, consumers] = [await countProduced(), await stats()];
      }
      const producedPerSecond = produced / seconds;
      console.log(
        `\nconsumer lag on Kafka (${KAFKA_BROKERS}): postTransaction at ${clients} clients through the gateway for ${seconds} s, one user;` +
          ` ${produced} ${LEDGER_TRANSACTION_TOPIC} events, ${producedPerSecond.toFixed(0)}/s produced (${run.errors} errors)`,
      );
      console.log(`lag = inbox.processed_at − occurredAt; events/s = consumed ÷ (last consumed − load start)`);
      printTable(
        ["consumer", "consumed", "events/s", "lag p50 ms", "lag p99 ms", "lag max ms"],
        consumers.map((c) => [
          c.consumer,
          String(c.consumed),
          c.perSecond.toFixed(0),
          c.p50.toFixed(0),
          c.p99.toFixed(0),
          c.max.toFixed(0),
        ]),
      );
      if (consumers.some((c) => c.consumed < produced)) process.exitCode = 1;
      return { producedPerSecond, consumers };
    } finally {
      await client.end();
    }
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await dropDatabase(db);
    await deleteKafkaNamespace(prefix);
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await measureConsumerLag();
