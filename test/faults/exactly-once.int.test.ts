import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

import { pino } from "pino";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PostgresDatabaseProvider } from "../../platform/db/database.js";
import type { Notifier } from "../../platform/db/notifier.js";
import type { BusMessage, DeliveredMessage, EventBus, SubscriptionHandle } from "../../platform/events/bus.js";
import { createEnvelope } from "../../platform/events/envelope.js";
import { KafkaEventBus } from "../../platform/events/kafka-bus.js";
import { Outbox } from "../../platform/events/outbox.js";
import { OutboxRelay } from "../../platform/events/relay.js";
import { eventually } from "../../platform/testing/eventually.js";
import { realServices, realServicesConfig, uniqueSuffix } from "../../platform/testing/services.js";
import { randomIds } from "../../platform/time/ids.js";
import { FixedClock, systemClock } from "../../platform/time/index.js";
import { LEDGER_TRANSACTION_TOPIC } from "../../schema/events/ledger.js";
import { ledgerClient } from "../harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../harness/supergraph.js";
import { type Bumped, counter, countingInbox, CreateFaultCounters1763769619999, inboxRows } from "./counting-consumer.js";

/**
 * The two faults a kill rarely hits by chance, injected where they hurt, on real PostgreSQL and
 * Kafka with the real relay and inbox: a relay dying between "broker acked" and "rows marked sent",
 * and a consumer dying between "effects written" and "COMMIT". Counters that a duplicate would
 * bump twice stand in for every non-idempotent effect.
 */
const silent = pino({ level: "silent" });
const services = realServices();
const prefix = `t${services.runId}.`;

/** `bus`, except that its first publish dies after the broker acknowledged it, like a kill -9 there. */
function dyingAfterFirstPublish(bus: EventBus) {
  let died!: (count: number) => void;
  const death = new Promise<number>((resolve) => (died = resolve));
  let dead = false;
  const wrapped: EventBus = {
    kind: bus.kind,
    publish: async (messages: BusMessage[]) => {
      if (dead) throw new Error("the relay process is dead");
      await bus.publish(messages);
      dead = true;
      died(messages.length);
      // Thrown inside the relay's transaction: its UPDATE never runs and the transaction rolls back,
      // as PostgreSQL does when a killed process's connection drops.
      throw new Error("killed after publish, before marking the rows sent");
    },
    subscribe: (s) => bus.subscribe(s),
    replay: (topics, handle) => bus.replay(topics, handle),
    close: () => bus.close(),
  };
  return { bus: wrapped, death };
}

describe("exactly-once under the faults a kill rarely hits by chance", () => {
  const schema = `faults_${uniqueSuffix()}`;
  const database = new PostgresDatabaseProvider(services.databaseUrl);
  const bus = new KafkaEventBus({ brokers: services.kafkaBrokers, clientId: "faults", prefix, logger: silent });
  const handles: SubscriptionHandle[] = [];
  let dataSource: DataSource;
  let notifier: Notifier;

  beforeAll(async () => {
    ({ dataSource, notifier } = await database.open(schema, { entities: [], migrations: [CreateFaultCounters1763769619999] }));
  });

  afterAll(async () => {
    await Promise.allSettled(handles.map((h) => h.stop()));
    await bus.close();
    await database.close();
  });

  /** A consumer group with the real inbox around a counter; counts what Kafka delivered to it. */
  async function countingConsumer(topic: string, name: string) {
    const seen = { deliveries: 0 };
    const inner = countingInbox(dataSource, schema, name, topic);
    handles.push(
      await bus.subscribe({
        groupId: `${schema}.${name}`,
        topics: [topic],
        fromBeginning: true,
        handle: async (message: DeliveredMessage) => {
          await inner(message);
          seen.deliveries++;
        },
      }),
    );
    return seen;
  }

  const unsent = async () =>
    ((await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`)) as Array<{ n: number }>)[0]!
      .n;

  it("a relay killed after publishing but before marking re-sends the batch on restart, and every consumer's inbox drops the re-sent events", async () => {
    const topic = `faults.relay.${uniqueSuffix()}.v1`;
    const consumers = ["budgets-like", "insights-like"];
    const seen = await Promise.all(consumers.map((name) => countingConsumer(topic, name)));
    const events = 6;
    const outbox = new Outbox<Record<string, Bumped>>(schema, systemClock, randomIds);
    await dataSource.transaction((m) =>
      outbox.add(
        m,
        "trace-faults",
        Array.from({ length: events }, (_, i) => ({ topic, type: "Bumped" as const, key: `user-${i % 3}`, data: { seq: i + 1 } })),
      ),
    );

    // First life: the batch reaches Kafka, then the process dies before the rows are marked sent.
    const dying = dyingAfterFirstPublish(bus);
    const first = new OutboxRelay({ dataSource, schema, bus: dying.bus, notifier, logger: silent, safetyIntervalMs: 60_000 });
    await first.start();
    expect(await dying.death).toBe(events);
    await first.stop();
    expect(await unsent()).toBe(events);
    for (const [i, name] of consumers.entries()) {
      await eventually(() => expect(seen[i]!.deliveries).toBe(events));
      expect(await counter(dataSource, schema, name)).toBe(events);
    }

    // Second life: the restarted relay finds the rows unsent and publishes them all again.
    const second = new OutboxRelay({ dataSource, schema, bus, notifier, logger: silent, safetyIntervalMs: 60_000 });
    await second.start();
    try {
      await second.flush();
      expect(await unsent()).toBe(0);
      for (const [i, name] of consumers.entries()) {
        // Every event arrived twice; the counter moved once per event: the inbox skipped 6 duplicates.
        await eventually(() => expect(seen[i]!.deliveries).toBe(2 * events));
        expect(await counter(dataSource, schema, name)).toBe(events);
        expect(await inboxRows(dataSource, schema, name)).toBe(events);
      }
    } finally {
      await second.stop();
    }
  });

  it("a consumer killed inside its transaction, after its effect and before COMMIT, leaves nothing; the redelivered event is applied once", async () => {
    const topic = `faults.consumer.${uniqueSuffix()}.v1`;
    const name = "crashy";
    const groupId = `${schema}.${name}`;
    const envelopes = [1, 2, 3].map((seq) =>
      createEnvelope({ topic, type: "Bumped", key: "user-a", data: { seq } }, "faults", "trace-faults", systemClock, randomIds),
    );
    await bus.publish(envelopes.map((e) => ({ topic, key: e.key, value: JSON.stringify(e), headers: { "event-id": e.id } })));

    // First life, in a process of its own: applies seq 1, then is SIGKILLed mid-transaction on seq 2.
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./crashing-consumer.ts", import.meta.url))], {
      env: {
        ...process.env,
        DATABASE_URL: services.databaseUrl,
        KAFKA_BROKERS: services.kafkaBrokers.join(","),
        KAFKA_PREFIX: prefix,
        SCHEMA: schema,
        TOPIC: topic,
        GROUP: groupId,
        CONSUMER: name,
        CRASH_SEQ: "2",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
    // It had written the effect of seq 2 (n = 2 inside its transaction) when it died.
    expect(output).toContain(`effect-written ${envelopes[1]!.id} n=2`);

    // PostgreSQL rolled the open transaction back with the dead connection (it can never commit): only seq 1 is applied.
    expect(await counter(dataSource, schema, name)).toBe(1);
    const inboxIds = (await dataSource.query(`SELECT event_id FROM "${schema}".inbox WHERE consumer = $1`, [name])) as Array<{
      event_id: string;
    }>;
    expect(inboxIds.map((r) => r.event_id)).toEqual([envelopes[0]!.id]);

    // Second life, same consumer group: Kafka redelivers from the last committed offset.
    const delivered: string[] = [];
    const inner = countingInbox(dataSource, schema, name, topic);
    handles.push(
      await bus.subscribe({
        groupId,
        topics: [topic],
        fromBeginning: true,
        handle: async (message) => {
          await inner(message);
          delivered.push(message.headers["event-id"]!);
        },
      }),
    );
    await eventually(() => expect(delivered.slice(-2)).toEqual([envelopes[1]!.id, envelopes[2]!.id]), { timeoutMs: 60_000 });
    // seq 1 may come again (its offset may not have been committed before the kill): the inbox drops it.
    expect(await counter(dataSource, schema, name)).toBe(3);
    expect(await inboxRows(dataSource, schema, name)).toBe(3);
    expect(delivered.filter((id) => id === envelopes[1]!.id)).toHaveLength(1);
  });
});

describe("ledger → budgets when the ledger's relay re-sends transactions it had already sent", () => {
  const clock = new FixedClock("2026-11-10T12:00:00Z");
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { clock });
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("budgets' spent equals the ledger's total: the re-sent events are not counted twice", async () => {
    const checking = await ledger.account(alice, "USD", "5000.00");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(10));
    const groceries = await ledger.categoryId(alice, "Groceries");
    const CREATE = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`;
    // Budgets learns categories and accounts from events: retry until it can take the budget.
    const budgetId = await eventually(async () => {
      const r = await ledger.call(alice, CREATE, {
        input: { name: "Food", categoryIds: [groceries], period: "MONTHLY", amount: { amount: "500.00", currency: "USD" } },
      });
      expect(r.errors).toBeUndefined();
      return r.data.createBudget.id as string;
    });
    const spent = async () =>
      (await ledger.ok(alice, `query($id: ID!) { budget(id: $id) { progress { spent { amount } } } }`, { id: budgetId })).budget.progress
        .spent.amount as string;
    const spend = async (amount: string, date: string) => {
      const r = await ledger.post(alice, {
        accountId: checking,
        amount: { amount: `-${amount}`, currency: "USD" },
        date,
        payee: "Shop",
        categoryId: groceries,
      });
      expect(r.errors).toBeUndefined();
    };
    for (const [amount, date] of [
      ["12.50", "2026-11-02"],
      ["30.00", "2026-11-05"],
      ["7.25", "2026-11-08"],
    ] as const)
      await spend(amount, date);
    await eventually(async () => expect(await spent()).toBe("49.75"));

    // The relay "restarts" and finds this user's transaction events unsent: it publishes the same rows (same event ids) again.
    const ledgerSubgraph = sg.subgraph("ledger");
    const [, resent] = (await ledgerSubgraph.kit.dataSource.query(
      `UPDATE ledger.outbox SET published_at = NULL WHERE key = $1 AND topic = $2 AND published_at IS NOT NULL RETURNING id`,
      [alice.id, LEDGER_TRANSACTION_TOPIC],
    )) as [unknown[], number];
    expect(resent).toBeGreaterThanOrEqual(3);
    await ledgerSubgraph.relay.flush();
    const [pending] = await ledgerSubgraph.kit.dataSource.query(
      `SELECT count(*)::int AS n FROM ledger.outbox WHERE published_at IS NULL AND key = $1`,
      [alice.id],
    );
    expect(pending.n).toBe(0);

    // One more transaction on the same user's partition comes after the re-sent ones: once budgets
    // has it, it has handled the duplicates too.
    await spend("0.25", "2026-11-09");
    await eventually(async () => expect(await spent()).toBe("50.00"));
    // The ledger's side of the same total: 5000.00 opening less the 50.00 spent.
    expect(await ledger.balance(alice, checking)).toBe("4950.00");
  });
});
