import { describe, expect, it } from "vitest";
import { loadConfig } from "./env.js";

describe("config", () => {
  it("defaults to the embedded mode", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: "development", gatewayPort: 4000, dataDir: ".moneta/pglite", kafkaTopicPrefix: "" });
    expect(config.databaseUrl ?? config.redisUrl ?? config.kafkaBrokers).toBeUndefined();
    expect(loadConfig({}, { memory: true }).dataDir).toBeUndefined();
  });

  it("reads real-service settings and per-subgraph overrides", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://u@db:5432/moneta",
      DATABASE_URL_LEDGER: "postgresql://u@ledger-db/ledger",
      REDIS_URL: "redis://cache:6379",
      KAFKA_BROKERS: "k1:9092, k2:9092",
      SUBGRAPH_URL_IDENTITY: "http://identity:4001/graphql",
    });
    expect(config.databaseUrlBySubgraph).toEqual({ ledger: "postgresql://u@ledger-db/ledger" });
    expect(config.kafkaBrokers).toEqual(["k1:9092", "k2:9092"]);
    expect(config.subgraphUrls).toEqual({ identity: "http://identity:4001/graphql" });
  });

  it("names the bad setting in one line", () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ DATABASE_URL: "not a url" }, /^invalid setting DATABASE_URL: must be a postgres:\/\/ URL$/],
      [{ DATABASE_URL: "mysql://x/y" }, /^invalid setting DATABASE_URL:/],
      [{ DATABASE_URL_LEDGER: "::" }, /^invalid setting DATABASE_URL_LEDGER:/],
      [{ REDIS_URL: "http://x" }, /^invalid setting REDIS_URL:/],
      [{ KAFKA_BROKERS: "localhost" }, /^invalid setting KAFKA_BROKERS:/],
      [{ GATEWAY_PORT: "70000" }, /^invalid setting GATEWAY_PORT:/],
      [{ NODE_ENV: "staging" }, /^invalid setting NODE_ENV:/],
      [{ INTERNAL_JWT_PRIVATE_KEY: "secret" }, /^invalid setting INTERNAL_JWT_PRIVATE_KEY:/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrowError(message);
      try {
        loadConfig(env);
      } catch (error) {
        expect((error as Error).message).not.toContain("\n");
      }
    }
  });
});
