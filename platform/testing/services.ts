import { randomBytes } from "node:crypto";

import { inject } from "vitest";

import { loadConfig, type PlatformConfig } from "../config/index.js";

/** The real services global setup prepared for this run. */
export function realServices() {
  return {
    databaseUrl: inject("databaseUrl"),
    redisUrl: inject("redisUrl"),
    kafkaBrokers: inject("kafkaBrokers").split(","),
    runId: inject("runId"),
  };
}

/** A unique suffix for schemas, groups and topics inside one test file. */
export const uniqueSuffix = () => randomBytes(4).toString("hex");

/** Platform config on real PostgreSQL, Redis and Kafka, namespaced to this run. */
export function realServicesConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  const s = realServices();
  return {
    ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }),
    databaseUrl: s.databaseUrl,
    redisUrl: s.redisUrl,
    cachePrefix: `t${s.runId}`,
    kafkaBrokers: s.kafkaBrokers,
    kafkaTopicPrefix: `t${s.runId}.`,
    ...overrides,
  };
}

/** Platform config on the embedded defaults (in-memory PGlite, in-process bus, memory cache). */
export function embeddedConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  return { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }, { memory: true }), ...overrides };
}
