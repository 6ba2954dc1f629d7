/**
 * `npm run bench:notifications`: notification throughput, in this process.
 * BENCH_NOTIFY_USERS users with a verified address (identity's NotificationSettingsChanged, through
 * identity's outbox), then BENCH_NOTIFY_EVENTS `BudgetExceeded` alerts spread over them, written
 * through budgets' outbox as budgets writes them (BENCH_NOTIFY_BATCH events per transaction, a few
 * transactions at once). Each alert becomes one in-app notification and one e-mail to a local SMTP
 * server (platform/testing/test-smtp-server.ts). Reported: events/s consumed, in-app/s, e-mails/s
 * (each from the first commit to the last of its kind), and each event's latency from its commit to
 * its mail arriving at the SMTP server (outbox relay, bus, the consumer's inbox transaction, the
 * sender's claim, template, SMTP).
 * On the embedded defaults, or with BENCH_REAL=1 on a fresh PostgreSQL database (BENCH_POSTGRES_URL)
 * and Kafka at BENCH_KAFKA_BROKERS (default 127.0.0.1:9092), under a fresh topic prefix.
 *
 * Settings: BENCH_NOTIFY_EVENTS (default 500: the sender mails one at a time, so more only takes longer), BENCH_NOTIFY_USERS (100), BENCH_NOTIFY_BATCH (20), BENCH_REAL.
 */
import "reflect-metadata";

import { randomUUID } from "node:crypto";

import { loadConfig, type PlatformConfig } from "../platform/config/index.js";
import type { Outbox } from "../platform/events/index.js";
import { startTestSmtpServer } from "../platform/testing/test-smtp-server.js";
import { BUDGET_EXCEEDED, type BudgetAlertV1, BUDGETS_ALERT_TOPIC } from "../schema/events/budgets.js";
import { IDENTITY_USER_TOPIC, NOTIFICATION_SETTINGS_CHANGED } from "../schema/events/identity.js";
import { startTestSupergraph, type TestSupergraph } from "../test/harness/supergraph.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { ms, summarize } from "./stats.js";
import { positiveInteger } from "./support/settings.js";
import { mapBounded, until } from "./support/wait.js";

const EVENTS = positiveInteger("BENCH_NOTIFY_EVENTS", 500);
const USERS = positiveInteger("BENCH_NOTIFY_USERS", 100);
const BATCH = positiveInteger("BENCH_NOTIFY_BATCH", 20);
/** Transactions committing at once, as several budgets instances or requests would. */
const WRITERS = 4;

/** Writes `events` through subgraph `name`'s outbox in one transaction; Date.now() after its commit. */
async function commit(sg: TestSupergraph, name: string, events: Parameters<Outbox["add"]>[2]): Promise<number> {
  const { dataSource, outbox } = sg.subgraph(name).kit;
  await dataSource.transaction((manager) => outbox.add(manager, `bench-notifications-${randomUUID()}`, events));
  return Date.now();
}

async function count(sg: TestSupergraph, sql: string, params: unknown[]): Promise<number> {
  const [row] = await sg.subgraph("insights").kit.dataSource.query(sql, params);
  return Number(row.n);
}

async function main(): Promise<void> {
  const real = process.env.BENCH_REAL === "1";
  const run = `bench_notifications_${randomUUID().slice(0, 8)}`;
  const smtp = await startTestSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Moneta <notify@moneta.test>";
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
    // Users exist for notifications as identity's settings events describe them; no sign-up needed.
    const users = Array.from({ length: USERS }, (_, i) => ({ id: randomUUID(), email: `bench-${i}-${run}@moneta.test` }));
    await commit(
      sg,
      "identity",
      users.map((u) => ({
        topic: IDENTITY_USER_TOPIC,
        type: NOTIFICATION_SETTINGS_CHANGED,
        key: u.id,
        data: {
          userId: u.id,
          email: u.email,
          emailVerified: true,
          locale: "en-US",
          timezone: "UTC",
          preferences: { kinds: [], quietHours: null, digest: "OFF" as const },
        },
      })),
    );
    const ids = users.map((u) => u.id);
    await until("users' notification settings", 60_000, async () =>
      (await count(sg, `SELECT count(*) AS n FROM insights.notification_settings WHERE user_id = ANY($1)`, [ids])) === USERS
        ? true
        : undefined,
    );

    const committedAt = new Map<string, number>();
    const batches = Array.from({ length: Math.ceil(EVENTS / BATCH) }, (_, b) =>
      Array.from({ length: Math.min(BATCH, EVENTS - b * BATCH) }, (_, i) => {
        const user = users[(b * BATCH + i) % USERS]!;
        const data: BudgetAlertV1 = {
          alertId: randomUUID(),
          userId: user.id,
          budgetId: randomUUID(),
          level: "CRITICAL",
          periodStart: "2026-01-01",
          periodEnd: "2026-01-31",
          spentMinor: String(10_000 + b * BATCH + i),
          availableMinor: "-2345",
          currency: "EUR",
        };
        return { topic: BUDGETS_ALERT_TOPIC, type: BUDGET_EXCEEDED, key: user.id, data };
      }),
    );
    const mailsBefore = smtp.received.length;
    const started = Date.now();
    await mapBounded(batches, WRITERS, async (events) => {
      const at = await commit(sg, "budgets", events);
      for (const e of events) committedAt.set(e.data.budgetId, at);
    });
    const published = Date.now();

    const progress = { consumed: 0, inApp: 0, consumedAt: 0, inAppAt: 0 };
    await until(
      "every notification and mail",
      600_000,
      async () => {
        if (progress.consumed < EVENTS) {
          progress.consumed = await count(sg, `SELECT count(*) AS n FROM insights.inbox WHERE consumer = 'notify-budget-alerts'`, []);
          if (progress.consumed >= EVENTS) progress.consumedAt = Date.now();
        }
        if (progress.inApp < EVENTS) {
          progress.inApp = await count(
            sg,
            `SELECT count(*) AS n FROM insights.notification_deliveries WHERE channel = 'IN_APP' AND status = 'SENT' AND user_id = ANY($1)`,
            [ids],
          );
          if (progress.inApp >= EVENTS) progress.inAppAt = Date.now();
        }
        return progress.inAppAt && progress.consumedAt && smtp.received.length - mailsBefore >= EVENTS ? true : undefined;
      },
      20,
    );
    const mails = smtp.received.slice(mailsBefore);
    const lastMail = Math.max(...mails.map((m) => m.receivedAt));
    const latencies = mails.map((m) => {
      const budgetId = /\/budgets\/([0-9a-f-]{36})/.exec(m.text)?.[1];
      const at = budgetId && committedAt.get(budgetId);
      if (!at) throw new Error(`a mail for no event of this run: ${m.text.slice(0, 120)}`);
      return m.receivedAt - at;
    });
    const sent = await count(
      sg,
      `SELECT count(*) AS n FROM insights.notification_deliveries WHERE channel = 'EMAIL' AND status = 'SENT' AND user_id = ANY($1)`,
      [ids],
    );
    const perSecond = (n: number, end: number) => (n / ((end - started) / 1000)).toFixed(0);
    const e2e = summarize(latencies);
    console.log(
      `${EVENTS} BudgetExceeded events for ${USERS} users (${real ? "PostgreSQL + Kafka" : "embedded"}), committed through budgets' outbox in ${published - started} ms (${BATCH} a transaction, ${WRITERS} at once):`,
    );
    console.log(`  events consumed  ${perSecond(EVENTS, progress.consumedAt)}/s  (all in ${progress.consumedAt - started} ms)`);
    console.log(`  in-app           ${perSecond(EVENTS, progress.inAppAt)}/s  (all in ${progress.inAppAt - started} ms)`);
    console.log(`  e-mails          ${perSecond(mails.length, lastMail)}/s  (all in ${lastMail - started} ms; ${sent} recorded SENT)`);
    console.log(`  event → mail     p50 ${ms(e2e.p50)}  p99 ${ms(e2e.p99)}  max ${ms(e2e.max)}`);
    if (mails.length !== EVENTS) throw new Error(`${mails.length} mails for ${EVENTS} events`);
  } finally {
    await sg.close();
    await smtp.close();
    if (real) await dropDatabase(run);
  }
}

await main();
