import { pino } from "pino";
import { PostgresDatabaseProvider } from "../db/database.js";
import { realServices } from "../testing/services.js";
import { describeEventsContract } from "./events.contract.js";
import { KafkaEventBus } from "./kafka-bus.js";

// Production mode: real Apache Kafka and real PostgreSQL.
describeEventsContract("Kafka on PostgreSQL", async () => {
  const services = realServices();
  const database = new PostgresDatabaseProvider(services.databaseUrl);
  const bus = new KafkaEventBus({ brokers: services.kafkaBrokers, clientId: "contract", prefix: `t${services.runId}.`, logger: pino({ level: "silent" }) });
  return {
    bus,
    database,
    close: async () => {
      await bus.close();
      await database.close();
    },
  };
});
