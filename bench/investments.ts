/**
 * `npm run bench:investments`: how fast a large portfolio reads, on real PostgreSQL.
 *   A portfolio of 200 securities and 10,000 transactions over 5 years (imported as CSV through the
 *   gateway), with 5 years of daily closes for every security (365,200 prices, written in SQL), and a
 *   second portfolio of the same securities with 2,500 transactions. Through the gateway, one client
 *   at a time: `holdings`, `performance` over 1 and 5 years, and `valueHistory` (DAY) over 1 and 5
 *   years; p50/p99 per query and portfolio, and the subgraphs process's peak RSS. The two sizes and
 *   two ranges show how the cost grows with transactions and with days. Then `holdings` right after
 *   a write, which replays the whole activity again (the other rows read a cached replay).
 * Subgraphs (one process, in-process event bus) and the gateway each run in a child process. Fresh
 * database, dropped at the end.
 *
 * Settings:
 *   BENCH_REQUESTS      measured requests per query (default 40), after 3 warm-up ones
 *   BENCH_POSTGRES_URL  admin URL of the server (default postgres://postgres@127.0.0.1:5432)
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import { ServerProcess } from "./gateway/process.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { summarize } from "./stats.js";
import { serverEnv, startSubgraphs } from "./support/stack.js";

const REQUESTS = Math.max(1, Math.round(Number(process.env.BENCH_REQUESTS ?? 40)));
const SECURITIES = 200;
const DAYS = 5 * 365 + 1;
const IMPORT_ROWS = 5_000;
const PASSWORD = "plum-tractor-velvet-93";

const started = performance.now();
const suffix = randomBytes(5).toString("hex");
const appDb = `moneta_bench_investments_${suffix}`;
const work = mkdtempSync(join(tmpdir(), "moneta-bench-investments-"));
const servers: ServerProcess[] = [];
let created = false;
const cleanUp = async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  if (created) await dropDatabase(appDb);
  rmSync(work, { recursive: true, force: true });
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

const post = async (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`${query.slice(0, 60)}… answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
};

/** A small deterministic generator, so every run trades the same way. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const dayString = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * `perSecurity` activities for each security over the days firstDay..lastDay, as CSV lines: a first
 * buy, then buys, sales (never more than held) and dividends on distinct later days.
 */
function activity(perSecurity: number, firstDay: number, lastDay: number, seed: number): string[] {
  const random = generator(seed);
  const rows: Array<[number, string]> = [];
  for (let s = 0; s < SECURITIES; s++) {
    const symbol = `B${String(s).padStart(3, "0")}`;
    const span = (lastDay - firstDay) / perSecurity;
    let held = 0;
    for (let i = 0; i < perSecurity; i++) {
      const day = Math.floor(firstDay + i * span + random() * (span - 1));
      const price = `${80 + Math.floor(random() * 40)}.${String(Math.floor(random() * 100)).padStart(2, "0")}`;
      const roll = random();
      if (i === 0 || roll < 0.5 || held < 2) {
        const quantity = 1 + Math.floor(random() * 20);
        held += quantity;
        rows.push([day, `${dayString(day)},BUY,${symbol},${quantity},${price},1.00,,USD`]);
      } else if (roll < 0.85) {
        const quantity = Math.max(1, Math.floor(held * random() * 0.5));
        held -= quantity;
        rows.push([day, `${dayString(day)},SELL,${symbol},${quantity},${price},1.00,,USD`]);
      } else {
        rows.push([day, `${dayString(day)},DIVIDEND,${symbol},,,,${(held * 0.25).toFixed(2)},USD`]);
      }
    }
  }
  // By day; a security's own rows are on distinct, increasing days, so file order never matters within one.
  return rows.sort((a, b) => a[0] - b[0]).map(([, line]) => line);
}

try {
  await createDatabase(appDb);
  created = true;
  const { env } = await serverEnv({
    DATABASE_URL: databaseUrl(appDb),
    REDIS_URL: "",
    KAFKA_BROKERS: "",
    PRICE_REFRESH_EVERY_MINUTES: "0",
    MAX_BODY_BYTES: String(8 * 2 ** 20),
  });
  // BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of the subgraphs process, written when it stops.
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const stack = await startSubgraphs(env, work, profile);
  servers.push(stack.subgraphs);
  const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", stack.gatewayEnv);
  servers.push(gateway);
  const gatewayUrl = gateway.info.url as string;

  const registered = await post(gatewayUrl, `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`, {
    i: { email: `bench.${suffix}@example.com`, password: PASSWORD, displayName: "Bench" },
  });
  const userId = registered.register.user.id as string;
  const bearer = { authorization: `Bearer ${registered.register.accessToken as string}` };
  const call = (query: string, variables: Record<string, unknown> = {}) => post(gatewayUrl, query, variables, bearer);

  const today = Math.floor(Date.now() / 86_400_000);
  const firstDay = today - DAYS + 1;
  const seeded = performance.now();
  const portfolios: Array<{ label: string; id: string; transactions: number }> = [];
  for (const [label, perSecurity, seed] of [
    ["10,000 tx", 50, 7],
    ["2,500 tx", 12, 11],
  ] as const) {
    const id = (
      await call(`mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`, {
        i: { name: label, currency: "USD", costBasisMethod: "FIFO" },
      })
    ).createPortfolio.id as string;
    const lines = activity(perSecurity, firstDay, today - 1, seed);
    let imported = 0;
    for (let i = 0; i < lines.length; i += IMPORT_ROWS) {
      const csv = ["date,type,symbol,quantity,price,fee,amount,currency", ...lines.slice(i, i + IMPORT_ROWS)].join("\n");
      const result = (
        await call(
          `mutation($p: ID!, $csv: String!) { importInvestmentTransactions(portfolioId: $p, csv: $csv) { imported failed errors { row code } } }`,
          {
            p: id,
            csv,
          },
        )
      ).importInvestmentTransactions;
      if (result.failed > 0) throw new Error(`import refused lines: ${JSON.stringify(result.errors.slice(0, 5))}`);
      imported += result.imported as number;
    }
    portfolios.push({ label, id, transactions: imported });
  }

  // Daily closes for every day of the five years, written straight to the table (the API would take minutes).
  const client = new pg.Client({ connectionString: databaseUrl(appDb) });
  await client.connect();
  await client.query(
    `INSERT INTO investments.prices (security_id, user_id, date, close_minor, currency, source, updated_at)
     SELECT s.id, s.user_id, d::date, (10000 + 2500 * sin((d::date - $2::date) / 45.0 + s.n) + (d::date - $2::date) * 2)::bigint, 'USD', 'IMPORT', now()
     FROM (SELECT id, user_id, row_number() OVER (ORDER BY symbol) AS n FROM investments.securities WHERE user_id = $1) s,
          generate_series($2::date, $3::date, interval '1 day') d`,
    [userId, dayString(firstDay), dayString(today)],
  );
  const [{ n: prices }] = (await client.query(`SELECT count(*)::int AS n FROM investments.prices`)).rows;
  await client.query(`ANALYZE`);
  await client.end();
  const seedSeconds = (performance.now() - seeded) / 1000;

  console.log(
    `investments benchmark: PostgreSQL at ${new URL(databaseUrl(appDb)).host} (fresh database), in-process event bus, in-memory cache`,
  );
  console.log(
    `subgraphs in one child process, gateway in another, requests from this one, one at a time; ${availableParallelism()} cores shared`,
  );
  console.log(
    `${SECURITIES} securities, ${prices} daily closes (${DAYS} days each); portfolios: ${portfolios.map((p) => `${p.transactions} transactions`).join(", ")}; seeded in ${seedSeconds.toFixed(0)} s`,
  );

  const [from5, from1, to] = [dayString(firstDay), dayString(today - 364), dayString(today)];
  const queries: Array<[string, string, Record<string, unknown>]> = [
    [
      "holdings",
      `query($id: ID!) { portfolio(id: $id) { holdings { quantity costBasis { amount } marketValue { amount } unrealizedGain { amount } realizedGain { amount } dividends { amount } lots { quantity cost { amount } } } } }`,
      {},
    ],
    [
      "performance 1y",
      `query($id: ID!, $from: String!, $to: String!) { portfolio(id: $id) { performance(from: $from, to: $to) { timeWeightedReturn moneyWeightedReturn startValue { amount } endValue { amount } gain { amount } } } }`,
      { from: from1, to },
    ],
    ["performance 5y", "", { from: from5, to }],
    [
      "valueHistory 1y DAY",
      `query($id: ID!, $from: String!, $to: String!) { portfolio(id: $id) { valueHistory(from: $from, to: $to, interval: DAY) { date value { amount } netContributions { amount } } } }`,
      { from: from1, to },
    ],
    ["valueHistory 5y DAY", "", { from: from5, to }],
  ];
  queries[2]![1] = queries[1]![1];
  queries[4]![1] = queries[3]![1];

  const before = await stack.subgraphs.usage();
  const rows: string[][] = [];
  let worst = 0;
  for (const portfolio of portfolios) {
    for (const [name, query, variables] of queries) {
      const vars = { id: portfolio.id, ...variables };
      for (let i = 0; i < 3; i++) await call(query, vars);
      const samples: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        await call(query, vars);
        samples.push(performance.now() - t0);
      }
      const s = summarize(samples);
      worst = Math.max(worst, s.p99);
      rows.push([portfolio.label, name, s.p50.toFixed(1), s.p99.toFixed(1), s.max.toFixed(1)]);
    }
  }
  // A write raises the portfolio's version: the next read replays all its activity again.
  for (const portfolio of portfolios) {
    const samples: number[] = [];
    for (let i = 0; i < Math.min(REQUESTS, 20); i++) {
      await call(`mutation($i: RecordInvestmentTransactionInput!) { recordInvestmentTransaction(input: $i) { id } }`, {
        i: { portfolioId: portfolio.id, type: "DIVIDEND", symbol: "B000", amount: { amount: "1.00", currency: "USD" }, date: to },
      });
      const t0 = performance.now();
      await call(queries[0]![1], { id: portfolio.id });
      samples.push(performance.now() - t0);
    }
    const s = summarize(samples);
    rows.push([portfolio.label, "holdings after a write", s.p50.toFixed(1), s.p99.toFixed(1), s.max.toFixed(1)]);
  }
  const after = await stack.subgraphs.usage();
  const header = ["portfolio", "query", "p50 ms", "p99 ms", "max ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\nthrough the gateway, ${REQUESTS} requests per row after 3 warm-up ones`);
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  console.log(
    `\nsubgraphs process: peak RSS ${mib(after.maxRssBytes)} (RSS ${mib(before.rssBytes)} before the reads, ${mib(after.rssBytes)} after); CPU during the reads ${((after.cpuMicros - before.cpuMicros) / 1e6).toFixed(1)} s`,
  );
  console.log(
    `target: every p99 under 200 ms (the rows before "after a write"): ${worst < 200 ? "met" : `NOT MET (worst p99 ${worst.toFixed(1)} ms)`}`,
  );
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await cleanUp();
}
