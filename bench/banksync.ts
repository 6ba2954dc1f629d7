/**
 * `npm run bench:banksync`: one bank connection's sync of BENCH_BANK_TRANSACTIONS remote
 * transactions from the local fake SimpleFIN bridge (subgraphs/ledger/test/simplefin-server.ts), in
 * this process. The user connects and links the remote account through the gateway, then asks for a
 * first sync (every transaction new: matched, categorized, written, events in the outbox) and a
 * re-sync of the same transactions (every one matched, nothing written). Each is timed from the
 * `syncBank` call to the sync job leaving the job table, polled directly. Reported: time, remote
 * transactions/s, rows written, and the process's peak RSS and heap during the sync (sampled every
 * 50 ms; the bridge, the gateway and every subgraph share this process, so it is an upper bound).
 * The transactions fall within the last 13 days, inside the re-sync's 14-day overlap, so the
 * re-sync reads all of them again.
 * On the embedded defaults, or with BENCH_REAL=1 on a fresh PostgreSQL database (BENCH_POSTGRES_URL)
 * and Kafka at BENCH_KAFKA_BROKERS (default 127.0.0.1:9092), under a fresh topic prefix.
 *
 * Settings: BENCH_BANK_TRANSACTIONS (default 5000), BENCH_REAL.
 */
import "reflect-metadata";

import { randomUUID } from "node:crypto";

import { loadConfig, type PlatformConfig } from "../platform/config/index.js";
import { type FakeAccount, FakeSimpleFin } from "../subgraphs/ledger/test/simplefin-server.js";
import { ledgerClient } from "../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../test/harness/supergraph.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { ms } from "./stats.js";
import { positiveInteger } from "./support/settings.js";
import { until } from "./support/wait.js";

const TRANSACTIONS = positiveInteger("BENCH_BANK_TRANSACTIONS", 5000);
const DAYS = 13;
const PAYEES = ["Corner Grocery", "City Transit", "Coffee House", "Power & Light", "Book Nook", "Pharmacy", "Cinema", "Fuel Stop"];

const CONNECT = `mutation($input: ConnectBankInput!) { connectBank(input: $input) { id accounts { id } } }`;
const LINK = `mutation($input: LinkBankAccountInput!) { linkBankAccount(input: $input) { id } }`;
const SYNC = `mutation($id: ID!) { syncBank(connectionId: $id) { id status } }`;

function remoteAccount(): FakeAccount {
  const now = Date.now();
  const transactions = Array.from({ length: TRANSACTIONS }, (_, i) => {
    const posted = Math.floor((now - ((i * DAYS * 86_400_000) / TRANSACTIONS + 3_600_000)) / 1000);
    const cents = 100 + ((i * 7_919) % 20_000);
    return {
      id: `BENCH-${i}`,
      posted,
      amount: (-cents / 100).toFixed(2),
      description: `${PAYEES[i % PAYEES.length]} #${i}`,
    };
  });
  return {
    id: "ACT-BENCH",
    name: "Bench Checking",
    currency: "USD",
    balance: "100000.00",
    "balance-date": Math.floor(now / 1000),
    org: { name: "Bench Bank" },
    transactions,
  };
}

interface Measured {
  elapsed: number;
  written: number;
  peakRss: number;
  peakHeap: number;
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

async function timedSync(
  sg: TestSupergraph,
  user: RegisteredUser,
  connectionId: string,
  accountId: string,
  before: number,
): Promise<Measured> {
  const sql = (q: string, p: unknown[]) => sg.subgraph("ledger").kit.dataSource.query(q, p);
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  try {
    await ledgerClient(sg).ok(user, SYNC, { id: connectionId });
    await until(
      "the sync job",
      600_000,
      async () => {
        const [{ n }] = await sql(
          `SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1 AND kind = 'ledger.bank-sync' AND status IN ('QUEUED', 'RUNNING')`,
          [user.id],
        );
        return n === 0 ? true : undefined;
      },
      20,
    );
  } finally {
    clearInterval(sampler);
  }
  const elapsed = performance.now() - started;
  sample();
  const [{ n }] = await sql(`SELECT count(*)::int AS n FROM ledger.transactions WHERE account_id = $1`, [accountId]);
  const [{ status, error }] = await sql(`SELECT status, last_error AS error FROM ledger.bank_connections WHERE id = $1`, [connectionId]);
  if (status !== "ACTIVE") throw new Error(`sync ended ${status}: ${error}`);
  return { elapsed, written: n - before, peakRss, peakHeap };
}

function report(label: string, m: Measured): void {
  console.log(
    `${label}: ${TRANSACTIONS} remote transactions in ${ms(m.elapsed)} = ${((TRANSACTIONS / m.elapsed) * 1000).toFixed(0)} transactions/s; ` +
      `${m.written} rows written; peak RSS ${mb(m.peakRss)}, peak heap ${mb(m.peakHeap)}`,
  );
}

async function main(): Promise<void> {
  const real = process.env.BENCH_REAL === "1";
  const run = `bench_banksync_${randomUUID().slice(0, 8)}`;
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
  const bridge = new FakeSimpleFin();
  await bridge.start();
  bridge.accounts = [remoteAccount()];
  const sg = await startTestSupergraph(config);
  try {
    const ledger = ledgerClient(sg);
    const user = await sg.register("Bench");
    const accountId = await ledger.account(user, "USD", "0");
    const connection = (await ledger.ok(user, CONNECT, { input: { setupToken: bridge.setupToken() } })).connectBank;
    await ledger.ok(user, LINK, { input: { remoteAccountId: connection.accounts[0].id, ledgerAccountId: accountId } });
    console.log(
      `bank sync on ${real ? "PostgreSQL + Kafka" : "the embedded defaults"}, ${TRANSACTIONS} remote transactions over ${DAYS} days`,
    );
    const first = await timedSync(sg, user, connection.id, accountId, 0);
    report("first sync", first);
    if (first.written !== TRANSACTIONS) throw new Error(`first sync wrote ${first.written} rows, not ${TRANSACTIONS}`);
    const again = await timedSync(sg, user, connection.id, accountId, TRANSACTIONS);
    report("re-sync", again);
    if (again.written !== 0) throw new Error(`re-sync wrote ${again.written} rows`);
  } finally {
    await sg.close();
    await bridge.close();
    if (real) await dropDatabase(run);
  }
}

await main();
