import { Kafka, logLevel } from "kafkajs";
import { pino } from "pino";
import { describe, expect, it } from "vitest";

import { loadConfig } from "../config/env.js";
import { PostgresDatabaseProvider } from "../db/database.js";
import { eventually } from "../testing/eventually.js";
import { realServices, uniqueSuffix } from "../testing/services.js";
import { describeEventsContract } from "./events.contract.js";
import { KafkaEventBus } from "./kafka-bus.js";

// Production mode: real Apache Kafka and real PostgreSQL.
describeEventsContract("Kafka on PostgreSQL", async () => {
  const services = realServices();
  const database = new PostgresDatabaseProvider(services.databaseUrl);
  const bus = new KafkaEventBus({
    brokers: services.kafkaBrokers,
    clientId: "contract",
    prefix: `t${services.runId}.`,
    logger: pino({ level: "silent" }),
  });
  return {
    bus,
    database,
    close: async () => {
      await bus.close();
      await database.close();
    },
  };
});

describe("Kafka topics the bus creates", () => {
  it("get KAFKA_TOPIC_PARTITIONS partitions and KAFKA_REPLICATION_FACTOR replicas", async () => {
    const services = realServices();
    const prefix = `t${services.runId}.parts${uniqueSuffix()}.`;
    const config = loadConfig({ KAFKA_TOPIC_PARTITIONS: "5", KAFKA_REPLICATION_FACTOR: "1" });
    const bus = new KafkaEventBus({
      brokers: services.kafkaBrokers,
      clientId: "partitions",
      prefix,
      partitions: config.kafkaTopicPartitions,
      replicationFactor: config.kafkaReplicationFactor,
      logger: pino({ level: "silent" }),
    });
    const admin = new Kafka({ clientId: "partitions-check", brokers: services.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    try {
      await bus.publish([{ topic: "demo.thing.v1", key: "u1", value: "{}", headers: {} }]);
      await admin.connect();
      const { topics } = await admin.fetchTopicMetadata({ topics: [`${prefix}demo.thing.v1`] });
      expect(topics[0]?.partitions).toHaveLength(5);
      expect(topics[0]?.partitions.every((p) => p.replicas.length === 1)).toBe(true);
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });
});

describe("a group that starts at the latest offset", () => {
  it("commits where it starts once it joined: it sees what is published from subscribe() on, not before, and offsets to resume from after a kill -9", async () => {
    const services = realServices();
    const prefix = `t${services.runId}.latest${uniqueSuffix()}.`;
    const topic = "demo.latest.v1";
    const bus = new KafkaEventBus({ brokers: services.kafkaBrokers, clientId: "latest", prefix, logger: pino({ level: "silent" }) });
    const admin = new Kafka({ clientId: "latest-check", brokers: services.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
    const seen: string[] = [];
    try {
      await bus.publish(["before-1", "before-2"].map((value) => ({ topic, key: value, value, headers: {} })));
      const handle = await bus.subscribe({
        groupId: "live",
        topics: [topic],
        fromBeginning: false,
        handle: async (m) => void seen.push(m.value),
      });
      await admin.connect();
      // Committed once it joined, at each partition's end when it subscribed: a kill -9 restart has offsets to resume from.
      const ends = await admin.fetchTopicOffsets(`${prefix}${topic}`);
      await eventually(async () => {
        const [committed] = await admin.fetchOffsets({ groupId: `${prefix}live`, topics: [`${prefix}${topic}`] });
        expect(committed!.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual(ends.map((e) => [e.partition, e.high]).sort());
      });
      // Published while the consumer may still be joining: not skipped.
      await bus.publish(["after-1", "after-2", "after-3"].map((value) => ({ topic, key: value, value, headers: {} })));
      await eventually(() => expect([...seen].sort()).toEqual(["after-1", "after-2", "after-3"]), { timeoutMs: 30_000 });
      await handle.stop();
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });
});
