import { Kafka, logLevel } from "kafkajs";
import { pino } from "pino";
import { describe, expect, it } from "vitest";

import { loadConfig } from "../config/env.js";
import { PostgresDatabaseProvider } from "../db/database.js";
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
