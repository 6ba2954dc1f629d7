import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

  it("reads the PostgreSQL pool size, 10 by default, 1 to 100", () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: "4" }).databasePoolSize).toBe(4);
    for (const value of ["0", "101", "2.5", "ten"]) {
      expect(() => loadConfig({ DATABASE_POOL_SIZE: value }), value).toThrowError(
        /^invalid setting DATABASE_POOL_SIZE: must be a whole number from 1 to 100$/,
      );
    }
  });

  it("reads Kafka topic partitions and replication factor, 3 and 1 by default", () => {
    expect(loadConfig({})).toMatchObject({ kafkaTopicPartitions: 3, kafkaReplicationFactor: 1 });
    expect(loadConfig({ KAFKA_TOPIC_PARTITIONS: "12", KAFKA_REPLICATION_FACTOR: "3" })).toMatchObject({
      kafkaTopicPartitions: 12,
      kafkaReplicationFactor: 3,
    });
    expect(loadConfig({ KAFKA_TOPIC_PARTITIONS: "", KAFKA_REPLICATION_FACTOR: "" })).toMatchObject({
      kafkaTopicPartitions: 3,
      kafkaReplicationFactor: 1,
    });
    for (const value of ["0", "-1", "1.5", "3.0", "0x3", "1e2", "three", " 3", "1001"]) {
      expect(() => loadConfig({ KAFKA_TOPIC_PARTITIONS: value }), value).toThrowError(
        /^invalid setting KAFKA_TOPIC_PARTITIONS: must be a whole number from 1 to 1000$/,
      );
    }
    for (const value of ["0", "17", "2.5", "x"]) {
      expect(() => loadConfig({ KAFKA_REPLICATION_FACTOR: value }), value).toThrowError(
        /^invalid setting KAFKA_REPLICATION_FACTOR: must be a whole number from 1 to 16$/,
      );
    }
  });

  it("reads the internal keys from files (INTERNAL_JWT_*_FILE), refusing a file together with a value", () => {
    const dir = mkdtempSync(join(tmpdir(), "moneta-keys-"));
    const publicPem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";
    writeFileSync(join(dir, "public.pem"), publicPem);
    writeFileSync(join(dir, "garbage.pem"), "not a key");
    expect(loadConfig({ INTERNAL_JWT_PUBLIC_KEY_FILE: join(dir, "public.pem") }).internalJwtPublicKey).toBe(publicPem.trim());
    expect(() => loadConfig({ INTERNAL_JWT_PUBLIC_KEY_FILE: join(dir, "missing.pem") })).toThrowError(
      /^invalid setting INTERNAL_JWT_PUBLIC_KEY_FILE: cannot read .*missing\.pem \(ENOENT\)$/,
    );
    expect(() => loadConfig({ INTERNAL_JWT_PUBLIC_KEY_FILE: join(dir, "garbage.pem") })).toThrowError(
      /^invalid setting INTERNAL_JWT_PUBLIC_KEY_FILE: must be an SPKI PEM$/,
    );
    expect(() => loadConfig({ INTERNAL_JWT_PUBLIC_KEY_FILE: join(dir, "public.pem"), INTERNAL_JWT_PUBLIC_KEY: publicPem })).toThrowError(
      /^invalid setting INTERNAL_JWT_PUBLIC_KEY: set either INTERNAL_JWT_PUBLIC_KEY or INTERNAL_JWT_PUBLIC_KEY_FILE, not both$/,
    );
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
