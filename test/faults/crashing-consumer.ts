/**
 * A consumer process that dies by SIGKILL inside its inbox transaction, after the effect and before
 * the commit, on the event whose seq is CRASH_SEQ: what a kill -9 rarely hits by chance.
 * Run by exactly-once.int.test.ts as `node --import tsx test/faults/crashing-consumer.ts`, with
 * DATABASE_URL, KAFKA_BROKERS, KAFKA_PREFIX, SCHEMA, TOPIC, GROUP, CONSUMER and CRASH_SEQ.
 */
import { pino } from "pino";

import { PostgresDatabaseProvider } from "../../platform/db/database.js";
import { KafkaEventBus } from "../../platform/events/kafka-bus.js";
import { bump, countingInbox, CreateFaultCounters1763769619999 } from "./counting-consumer.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const schema = env("SCHEMA");
const consumer = env("CONSUMER");
const crashSeq = Number(env("CRASH_SEQ"));
const database = new PostgresDatabaseProvider(env("DATABASE_URL"));
const { dataSource } = await database.open(schema, { entities: [], migrations: [CreateFaultCounters1763769619999] });
// The broker's minimum: the replacement gets this process's partitions ~6 s after the kill.
const bus = new KafkaEventBus({
  brokers: env("KAFKA_BROKERS").split(","),
  clientId: "crashing-consumer",
  prefix: env("KAFKA_PREFIX"),
  sessionTimeoutMs: 6_000,
  logger: pino({ level: "silent" }),
});
const increment = bump(schema, consumer);
await bus.subscribe({
  groupId: env("GROUP"),
  topics: [env("TOPIC")],
  fromBeginning: true,
  handle: countingInbox(dataSource, schema, consumer, env("TOPIC"), async (event, manager) => {
    await increment(event, manager);
    if (event.data.seq !== crashSeq) return;
    // The effect is written (visible inside this transaction); tell the test, then die before COMMIT.
    const [row] = await manager.query(`SELECT n FROM "${schema}".counters WHERE consumer = $1`, [consumer]);
    process.stdout.write(`effect-written ${event.id} n=${(row as { n: number }).n}\n`, () => process.kill(process.pid, "SIGKILL"));
    await new Promise(() => undefined);
  }),
});
process.stdout.write("subscribed\n");
