/**
 * kill -9 under a steady write load, on real processes (`npm run serve -- <name>`), a PostgreSQL
 * cluster and a Kafka broker of the suite's own: the broker, the ledger, budgets and the gateway are
 * SIGKILLed in turn and started again, and PostgreSQL is stopped immediately and started again,
 * while clients post transactions on a budgeted category and retry each with its idempotency key
 * until acknowledged. Afterwards every acknowledged write exists exactly once, budgets' spent is the
 * ledger's total, the double entry balances, no event went to a DLQ and the consumers' lag is 0.
 *
 * Short by default (CI); `FAULTS_LONG=1` (npm run test:faults:long) runs more rounds, more clients
 * and longer load between faults: the same test with other parameters.
 */
import { Kafka, logLevel } from "kafkajs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { exportInternalKeys, generateInternalKeys } from "../../platform/auth/internal-token.js";
import { eventually } from "../../platform/testing/eventually.js";
import { realServices, uniqueSuffix } from "../../platform/testing/services.js";
import { postGraphQL, registerThrough, TEST_OPENING_DATE } from "../harness/supergraph.js";
import { freePort, OwnKafka, OwnPostgres, ServeProcess } from "./cluster.js";
import { longestAckGap, WriteLoad } from "./write-load.js";

const LONG = process.env.FAULTS_LONG === "1";
// Short (CI): about 15 writes a second, so a fault's backlog drains in seconds and the run stays
// near 2 minutes; the long run writes as fast as 8 clients can.
const PLAN = LONG ? { rounds: 3, clients: 8, steadyMs: 20_000, pauseMs: 20 } : { rounds: 1, clients: 4, steadyMs: 1_500, pauseMs: 250 };
/** How long the consumers may take to drain once the writes stop (the stated bound). */
const LAG_ZERO_WITHIN_MS = 30_000;
const PREFIX = "faults.";
/** Per write; the budget is small enough that both alert levels are crossed early. */
const AMOUNT_MINOR = 100;
const BUDGET = "20.00";

interface FaultRecord {
  fault: string;
  round: number;
  writes: number;
  retried: number;
  lost: number;
  duplicated: number;
  /** Longest time without an acknowledged write, from the kill until budgets caught up. */
  writeOutageMs: number;
  /** From the kill until the killed process answered again (ready / accepting connections). */
  restartMs: number;
  /** From the kill until budgets' spent covered every write acknowledged when the restart finished. */
  budgetsCaughtUpMs: number;
}

const today = new Date().toISOString().slice(0, 10);
const began = performance.now();
/** Progress on the console: a run that fails in CI says where it was. */
const progress = (what: string) => console.log(`[kill-nine ${((performance.now() - began) / 1000).toFixed(1)} s] ${what}`);
const s = realServices();

describe("kill -9 under a steady write load (own PostgreSQL and Kafka, services as processes)", () => {
  let postgres: OwnPostgres | undefined;
  let kafka: OwnKafka | undefined;
  const processes: ServeProcess[] = [];
  let db: pg.Pool;

  beforeAll(async () => {
    [postgres, kafka] = await Promise.all([OwnPostgres.start(), OwnKafka.start()]);
    progress("PostgreSQL and Kafka up");
    const keys = await exportInternalKeys(await generateInternalKeys());
    const env = {
      DATABASE_URL: postgres.url,
      DATABASE_POOL_SIZE: "5",
      REDIS_URL: s.redisUrl,
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_TOPIC_PREFIX: PREFIX,
      CACHE_PREFIX: `t${s.runId}.kill-nine.${uniqueSuffix()}`,
      INTERNAL_JWT_PUBLIC_KEY: keys.publicKey,
    };
    const ports = { identity: await freePort(), ledger: await freePort(), budgets: await freePort(), gateway: await freePort() };
    const subgraphs = (["identity", "ledger", "budgets"] as const).map((name) => new ServeProcess(name, ports[name], env));
    processes.push(...subgraphs);
    const gateway = new ServeProcess("gateway", ports.gateway, {
      ...env,
      INTERNAL_JWT_PRIVATE_KEY: keys.privateKey,
      ...Object.fromEntries(subgraphs.map((p) => [`SUBGRAPH_URL_${p.name.toUpperCase()}`, p.url])),
    });
    processes.push(gateway);
    // All at once: the gateway reads the composed supergraph from its file, not from the subgraphs.
    await Promise.all(processes.map((p) => p.start()));
    progress("subgraphs and gateway ready");
    db = new pg.Pool({ connectionString: postgres.url, max: 2 });
    // A restarted PostgreSQL cuts idle pool connections; the next query takes a fresh one.
    db.on("error", () => undefined);
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(processes.map((p) => p.destroy()));
    await db?.end().catch(() => undefined);
    await Promise.allSettled([postgres?.destroy(), kafka?.destroy()]);
  }, 60_000);

  const byName = (name: string) => processes.find((p) => p.name === name)!;

  it(
    "loses and duplicates no acknowledged write, and every consumer applies each event once",
    async () => {
      const gateway = byName("gateway");
      const user = await registerThrough(gateway.url, "Kill Nine");
      const ok = async (query: string, variables: Record<string, unknown> = {}) => {
        const r = await postGraphQL(gateway.url, { query, variables }, user.headers);
        if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
        return r.data;
      };
      const accountId = (
        await ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
          input: { name: "Everyday", type: "CHECKING", openingBalance: { amount: "0", currency: "USD" }, openingDate: TEST_OPENING_DATE },
        })
      ).createAccount.id as string;
      const categoryId = await eventually(async () => {
        const found = (await ok(`{ categories { id name } }`)).categories.find((c: { name: string }) => c.name === "Groceries");
        expect(found).toBeDefined();
        return found.id as string;
      });
      // Budgets learns the category and the base currency from events: retried until it has both.
      const budgetId = await eventually(
        async () =>
          (
            await ok(`mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`, {
              input: { name: "Food", categoryIds: [categoryId], period: "MONTHLY", amount: { amount: BUDGET, currency: "USD" } },
            })
          ).createBudget.id as string,
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      const spentMinor = async (): Promise<number> => {
        const amount = (await ok(`query($id: ID!) { budget(id: $id) { progress { spent { amount } } } }`, { id: budgetId })).budget.progress
          .spent.amount as string;
        return Math.round(Number(amount) * 100);
      };

      const load = new WriteLoad(
        { url: gateway.url, accessToken: user.accessToken, accountId, categoryId, date: today, amount: (-AMOUNT_MINOR / 100).toFixed(2) },
        { clients: PLAN.clients, pauseMs: PLAN.pauseMs, requestTimeoutMs: 5_000 },
      );
      const records: FaultRecord[] = [];
      const faults: { name: string; kill: () => Promise<void>; restart: () => Promise<void> }[] = [
        { name: "kafka broker", kill: () => kafka!.kill9(), restart: () => kafka!.start() },
        { name: "ledger", kill: () => byName("ledger").kill9(), restart: () => byName("ledger").start() },
        { name: "budgets", kill: () => byName("budgets").kill9(), restart: () => byName("budgets").start() },
        { name: "gateway", kill: () => gateway.kill9(), restart: () => gateway.start() },
        { name: "postgresql", kill: () => postgres!.stopImmediately(), restart: () => postgres!.start() },
      ];

      load.start();
      // Load flowing before the first fault.
      await eventually(() => expect(load.acked.length).toBeGreaterThanOrEqual(PLAN.clients * 3), { timeoutMs: 30_000 });
      for (let round = 1; round <= PLAN.rounds; round++) {
        for (const fault of faults) {
          await new Promise((resolve) => setTimeout(resolve, PLAN.steadyMs));
          load.phase = `${fault.name}#${round}`;
          const killedAt = performance.now();
          progress(`kill ${fault.name} (round ${round}), ${load.acked.length} writes acknowledged`);
          await fault.kill();
          await fault.restart();
          const restartedAt = performance.now();
          progress(`${fault.name} back up`);
          // Everything acknowledged by now must reach budgets' spent.
          const owed = load.acked.length * AMOUNT_MINOR;
          await eventually(
            async () => {
              expect(await spentMinor()).toBeGreaterThanOrEqual(owed);
              // And writes are being acknowledged again.
              expect(load.ackTimes().at(-1)!).toBeGreaterThan(restartedAt);
            },
            // The long run's 8 clients leave a broker outage's backlog of thousands of events.
            { timeoutMs: LONG ? 180_000 : 90_000, intervalMs: 100 },
          ).catch(async (error: Error) => {
            await diagnose(db, kafka!.brokers, user.id, processes);
            throw error;
          });
          const caughtUpAt = performance.now();
          progress(`budgets caught up after ${fault.name}`);
          records.push({
            fault: fault.name,
            round,
            writes: 0,
            retried: 0,
            lost: 0,
            duplicated: 0,
            writeOutageMs: longestAckGap(load.ackTimes(), killedAt, caughtUpAt),
            restartMs: restartedAt - killedAt,
            budgetsCaughtUpMs: caughtUpAt - killedAt,
          });
        }
      }
      load.phase = "cool-down";
      await load.stop();
      const stoppedAt = performance.now();

      // Every acknowledged write exists exactly once, with the id it was acknowledged with.
      const rows: { notes: string; id: string }[] = (
        await db.query(`SELECT notes, id FROM ledger.transactions WHERE user_id = $1 AND deleted_at IS NULL`, [user.id])
      ).rows;
      const found = new Map<string, string[]>();
      for (const row of rows) found.set(row.notes, [...(found.get(row.notes) ?? []), row.id]);
      const lost = load.acked.filter((w) => !found.has(w.key));
      const duplicated = load.acked.filter((w) => (found.get(w.key)?.length ?? 0) > 1);
      for (const record of records) {
        const phase = `${record.fault}#${record.round}`;
        const writes = load.writes.filter((w) => w.phase === phase);
        record.writes = writes.length;
        record.retried = writes.filter((w) => w.attempts > 1).length;
        record.lost = lost.filter((w) => w.phase === phase).length;
        record.duplicated = duplicated.filter((w) => w.phase === phase).length;
      }
      report(records, load, stoppedAt);
      expect(lost.map((w) => w.key)).toEqual([]);
      expect(duplicated.map((w) => w.key)).toEqual([]);
      expect(rows).toHaveLength(load.acked.length);
      expect(load.acked.every((w) => found.get(w.key)![0] === w.id)).toBe(true);
      // Writes were refused and retried: the faults did hit the load.
      expect(load.writes.some((w) => w.attempts > 1)).toBe(true);

      // Double entry: each transaction's postings balance; the account holds the sum of the writes.
      const total = load.acked.length * AMOUNT_MINOR;
      const unbalanced = await db.query(
        `SELECT transaction_id FROM ledger.postings WHERE user_id = $1 GROUP BY transaction_id, currency HAVING sum(amount_minor) <> 0`,
        [user.id],
      );
      expect(unbalanced.rows).toEqual([]);
      const ledgerTotal = await db.query(
        `SELECT coalesce(sum(amount_minor), 0)::bigint AS total FROM ledger.transactions WHERE user_id = $1 AND deleted_at IS NULL`,
        [user.id],
      );
      expect(Number(ledgerTotal.rows[0].total)).toBe(-total);
      const balance = (await ok(`query($id: ID!) { account(id: $id) { balance { amount } } }`, { id: accountId })).account.balance.amount;
      expect(Math.round(Number(balance) * 100)).toBe(-total);

      // Budgets applied each ledger event exactly once: spent is the ledger's total, no more.
      await eventually(async () => expect(await spentMinor()).toBe(total), { timeoutMs: LAG_ZERO_WITHIN_MS });
      // Alerts: once per level for the period, although the budget was crossed on many events.
      const alerts = await db.query(`SELECT level, count(*)::int AS n FROM budgets.budget_alerts WHERE budget_id = $1 GROUP BY level`, [
        budgetId,
      ]);
      expect(Object.fromEntries(alerts.rows.map((r) => [r.level, r.n]))).toEqual({ WARNING: 1, CRITICAL: 1 });

      // Consumers drained and nothing dead-lettered.
      const admin = new Kafka({ brokers: [kafka!.brokers], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(PREFIX));
        const dlqs = topics.filter((t) => t.endsWith(".dlq"));
        const dead = await Promise.all(dlqs.map(async (t) => [t, messagesIn(await admin.fetchTopicOffsets(t))] as const));
        expect(dead.filter(([, n]) => n > 0)).toEqual([]);
        const groups = (await admin.listGroups()).groups
          .map((g) => g.groupId)
          .filter((g) => g.startsWith(PREFIX) && !g.includes("gateway"));
        expect(groups.length).toBeGreaterThan(0);
        const lagZeroMs = await eventually(
          async () => {
            for (const groupId of groups) expect([groupId, await lagOf(admin, groupId, topics)]).toEqual([groupId, 0]);
            return performance.now() - stoppedAt;
          },
          { timeoutMs: LAG_ZERO_WITHIN_MS, intervalMs: 200 },
        );
        console.log(`consumer lag of ${groups.length} groups at 0 ${(lagZeroMs / 1000).toFixed(1)} s after the last write`);
      } finally {
        await admin.disconnect();
      }
    },
    LONG ? 1_800_000 : 280_000,
  );
});

/** What a failed run needs explained: where the events stopped (outbox, topics, groups) and the processes' last words. */
async function diagnose(db: pg.Pool, brokers: string, userId: string, processes: ServeProcess[]): Promise<void> {
  for (const p of processes) console.log(`--- ${p.name} (started ${p.starts}x) ---\n${p.output.slice(-3000)}`);
  try {
    for (const schema of ["identity", "ledger", "budgets"]) {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished, count(*)::int AS total FROM "${schema}".outbox`,
      );
      console.log(`${schema}.outbox: ${JSON.stringify(rows[0])}`);
    }
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [userId]);
    console.log(`ledger.transactions of the user: ${rows[0].n}`);
    // A consumer stuck in its handler shows here: a transaction open for long, or waiting on a lock.
    const busy = await db.query(
      `SELECT application_name, state, wait_event_type, wait_event, round(extract(epoch FROM now() - xact_start))::int AS xact_s, left(query, 160) AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
    );
    for (const row of busy.rows) console.log(`pg session: ${JSON.stringify(row)}`);
    const admin = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(PREFIX));
    for (const t of topics) console.log(`topic ${t}: ends ${(await admin.fetchTopicOffsets(t)).map((p) => p.high).join(",")}`);
    for (const { groupId } of (await admin.listGroups()).groups) {
      const [group] = (await admin.describeGroups([groupId])).groups;
      const offsets = await admin.fetchOffsets({ groupId, topics });
      const committed = offsets.filter((o) => o.partitions.some((p) => p.offset !== "-1"));
      console.log(
        `group ${groupId} ${group!.state} members=${group!.members.length} ${committed.map((o) => `${o.topic}@${o.partitions.map((p) => p.offset).join(",")}`).join(" ")}`,
      );
    }
    await admin.disconnect();
  } catch (error) {
    console.log(`diagnosis failed: ${String(error)}`);
  }
}

/** Messages a topic has ever held (log-end minus log-start, summed over partitions). */
function messagesIn(offsets: { high: string; low: string }[]): number {
  return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
}

async function lagOf(admin: ReturnType<Kafka["admin"]>, groupId: string, topics: string[]): Promise<number> {
  let lag = 0;
  for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const p of partitions) {
      // -1: the group never committed on this partition (it had nothing there, or never subscribed).
      if (p.offset === "-1") continue;
      const end = ends.find((e) => e.partition === p.partition)!;
      lag += Number(end.high) - Number(p.offset);
    }
  }
  return lag;
}

function report(records: FaultRecord[], load: WriteLoad, stoppedAt: number): void {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const lines = [
    `kill -9 suite (${LONG ? "long" : "short"}: ${PLAN.rounds} round(s), ${PLAN.clients} clients): ${load.acked.length} writes acknowledged ` +
      `in ${s(stoppedAt - load.writes[0]!.firstAttemptAt)} s, ${load.writes.filter((w) => w.attempts > 1).length} of them retried`,
    "| fault | round | writes started | retried | lost | duplicated | longest gap without an ack (s) | back up (s) | budgets caught up (s) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...records.map(
      (r) =>
        `| ${r.fault} | ${r.round} | ${r.writes} | ${r.retried} | ${r.lost} | ${r.duplicated} | ${s(r.writeOutageMs)} | ${s(r.restartMs)} | ${s(r.budgetsCaughtUpMs)} |`,
    ),
  ];
  console.log(lines.join("\n"));
}
