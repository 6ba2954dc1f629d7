/**
 * Integration tests run against REAL PostgreSQL, Redis and Kafka. A missing service fails the run;
 * nothing is skipped. Kafka is started from scripts/kafka.sh when no broker answers. Every run gets
 * its own database, cache prefix and topic prefix, so runs on one machine never collide.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Redis } from "ioredis";
import { Kafka, logLevel } from "kafkajs";
import pg from "pg";
import type { TestProject } from "vitest/node";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const kafkaBrokers = process.env.TEST_KAFKA_BROKERS ?? "127.0.0.1:9092";
const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const database = `moneta_test_${runId}`;

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    kafkaBrokers: string;
    runId: string;
  }
}

async function kafkaAnswers(): Promise<boolean> {
  const admin = new Kafka({
    brokers: kafkaBrokers.split(","),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let startedKafka = false;

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for integration tests (TEST_DATABASE_ADMIN_URL=${adminUrl}): ${(error as Error).message}`, {
      cause: error,
    });
  }
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is required for integration tests (TEST_REDIS_URL=${redisUrl}): ${(error as Error).message}`, { cause: error });
  } finally {
    redis.disconnect();
  }

  if (!(await kafkaAnswers())) {
    if (process.env.TEST_KAFKA_BROKERS) throw new Error(`no Kafka broker answers at TEST_KAFKA_BROKERS=${kafkaBrokers}`);
    const started = spawnSync("bash", [join(repo, "scripts/kafka.sh"), "start"], { stdio: "inherit" });
    if (started.status !== 0) throw new Error("could not start the Kafka broker with scripts/kafka.sh start");
    startedKafka = true;
  }

  project.provide("databaseUrl", withDatabase(adminUrl, database));
  project.provide("redisUrl", redisUrl);
  project.provide("kafkaBrokers", kafkaBrokers);
  project.provide("runId", runId);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
    // Cache keys of this run (namespace t<runId>) go too; limits and caches would otherwise linger.
    const redisCleanup = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    redisCleanup.on("error", () => undefined);
    let cursor = "0";
    do {
      const [next, keys] = await redisCleanup.scan(cursor, "MATCH", `t${runId}*`, "COUNT", 1000);
      if (keys.length) await redisCleanup.del(...keys);
      cursor = next;
    } while (cursor !== "0");
    redisCleanup.disconnect();
    const kafka = new Kafka({ brokers: kafkaBrokers.split(","), logLevel: logLevel.NOTHING });
    const kadmin = kafka.admin();
    await kadmin.connect();
    const topics = (await kadmin.listTopics()).filter((t) => t.startsWith(`t${runId}.`));
    if (topics.length) await kadmin.deleteTopics({ topics }).catch(() => undefined);
    await kadmin.disconnect();
    if (startedKafka && !process.env.MONETA_KEEP_KAFKA) spawnSync("bash", [join(repo, "scripts/kafka.sh"), "stop"], { stdio: "inherit" });
  };
}
