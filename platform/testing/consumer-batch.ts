import pg from "pg";
import { pino } from "pino";
import type { DataSource } from "typeorm";

import { PgliteDatabaseProvider, PostgresDatabaseProvider, type SubgraphStorage } from "../db/database.js";
import type { StatementLogger } from "../db/statement-logger.js";
import type { DeliveredMessage, EventBus, SubscriptionHandle } from "../events/bus.js";
import type { EventEnvelope } from "../events/envelope.js";
import { type ConsumerDefinition, inboxBatchHandler, inboxHandler } from "../events/inbox.js";
import { KafkaEventBus } from "../events/kafka-bus.js";
import { MemoryEventBus } from "../events/memory-bus.js";
import { eventually } from "./eventually.js";
import { realServices, uniqueSuffix } from "./services.js";

/*
 * For tests that hold a consumer's batch form (`handleBatch`) to its handlers: the same events go
 * to two databases of their own, one by one into one and as batches into the other, and the two
 * must end up alike. A database of its own, because consumers name their schema in their SQL.
 */

export type BatchTestMode = "real PostgreSQL and Kafka" | "embedded PGlite and the in-process bus";
export const BATCH_TEST_MODES: BatchTestMode[] = ["real PostgreSQL and Kafka", "embedded PGlite and the in-process bus"];

export interface ConsumerDatabase {
  dataSource: DataSource;
  schema: string;
  /** Statements run on it so far (its TypeORM logger counts them). */
  statements(): number;
  /** One by one, as the single-message path (retries, replays) applies them. */
  deliverOneByOne(consumer: ConsumerDefinition, messages: readonly DeliveredMessage[]): Promise<void>;
  /** In one batch, as the bus hands consecutive messages of one partition. */
  deliverBatch(consumer: ConsumerDefinition, messages: readonly DeliveredMessage[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The same messages one by one into `single` and as one batch into `batched` (each database its
 * own consumer, from `consumerOn`): the statements each way took, for the tests' statement bounds.
 */
export async function deliverBothWays(
  single: ConsumerDatabase,
  batched: ConsumerDatabase,
  consumerOn: (database: ConsumerDatabase) => ConsumerDefinition,
  messages: readonly DeliveredMessage[],
): Promise<{ oneByOne: number; asBatch: number }> {
  let before = single.statements();
  await single.deliverOneByOne(consumerOn(single), messages);
  const oneByOne = single.statements() - before;
  before = batched.statements();
  await batched.deliverBatch(consumerOn(batched), messages);
  return { oneByOne, asBatch: batched.statements() - before };
}

/** A fresh database holding `schema` migrated: a new PostgreSQL database (dropped on close), or a PGlite of its own. */
export async function freshDatabase(mode: BatchTestMode, schema: string, storage: SubgraphStorage): Promise<ConsumerDatabase> {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  if (mode === "real PostgreSQL and Kafka") {
    const base = new URL(realServices().databaseUrl);
    const name = `${base.pathname.slice(1)}_${schema}_${uniqueSuffix()}`;
    const url = new URL(base);
    url.pathname = `/${name}`;
    const provider = new PostgresDatabaseProvider(url.toString());
    ({ dataSource } = await provider.open(schema, storage));
    close = async () => {
      await provider.close();
      const admin = new pg.Client({ connectionString: base.toString() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    };
  } else {
    const provider = await PgliteDatabaseProvider.create();
    ({ dataSource } = await provider.open(schema, storage));
    close = () => provider.close();
  }
  return {
    dataSource,
    schema,
    statements: () => (dataSource.logger as StatementLogger).statements,
    async deliverOneByOne(consumer, messages) {
      const handle = inboxHandler(dataSource, schema, consumer);
      for (const message of messages) await handle(message);
    },
    deliverBatch: (consumer, messages) => inboxBatchHandler(dataSource, schema, consumer)([...messages]),
    close,
  };
}

/** Envelopes as the bus delivers them, consecutive in one partition. */
export function delivered(topic: string, events: readonly EventEnvelope[]): DeliveredMessage[] {
  return events.map((event, i) => ({
    topic,
    key: event.key,
    value: JSON.stringify(event),
    headers: { "event-id": event.id },
    offset: String(i),
    partition: 0,
  }));
}

/** The mode's bus, on a topic prefix of its own. */
export function busFor(mode: BatchTestMode): EventBus {
  const silent = pino({ level: "silent" });
  if (mode === "embedded PGlite and the in-process bus") return new MemoryEventBus(silent);
  const services = realServices();
  return new KafkaEventBus({
    brokers: services.kafkaBrokers,
    clientId: "batch-test",
    prefix: `t${services.runId}.b${uniqueSuffix()}.`,
    logger: silent,
  });
}

/**
 * Subscribes `consumer` on `database` through `bus` as a subgraph does, with its batch form or
 * (`batches` false) with its handlers only.
 */
export function subscribe(bus: EventBus, database: ConsumerDatabase, consumer: ConsumerDefinition, batches: boolean) {
  const { dataSource, schema } = database;
  return bus.subscribe({
    groupId: `${schema}.${consumer.name}.${uniqueSuffix()}`,
    topics: consumer.topics,
    fromBeginning: true,
    retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 50 },
    handle: inboxHandler(dataSource, schema, consumer),
    ...(batches ? { handleBatch: inboxBatchHandler(dataSource, schema, consumer) } : {}),
  });
}

/**
 * All of `events` published on the mode's bus and consumed into two fresh databases, one consumer
 * with its batch form and one with its handlers only, until each inbox holds every distinct event;
 * answers what `state` reads from each, for the test to compare.
 */
export async function consumeThroughBusBothWays<State extends { inbox: readonly unknown[] }>(test: {
  mode: BatchTestMode;
  schema: string;
  storage: SubgraphStorage;
  consumerOn: (database: ConsumerDatabase) => ConsumerDefinition;
  topic: string;
  events: readonly EventEnvelope[];
  state: (database: ConsumerDatabase) => Promise<State>;
}): Promise<{ handlersOnly: State; batches: State }> {
  const { mode, schema, storage, consumerOn, events, state } = test;
  const bus = busFor(mode);
  const [one, many] = [await freshDatabase(mode, schema, storage), await freshDatabase(mode, schema, storage)];
  const handles: SubscriptionHandle[] = [];
  try {
    handles.push(await subscribe(bus, one, consumerOn(one), false), await subscribe(bus, many, consumerOn(many), true));
    await bus.publish(delivered(test.topic, events));
    const unique = new Set(events.map((e) => e.id)).size;
    await eventually(async () => {
      if ((await state(one)).inbox.length !== unique || (await state(many)).inbox.length !== unique) throw new Error("still consuming");
    });
    return { handlersOnly: await state(one), batches: await state(many) };
  } finally {
    await Promise.allSettled(handles.map((h) => h.stop()));
    await bus.close();
    await one.close();
    await many.close();
  }
}
