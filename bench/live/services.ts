/**
 * Real services for `npm run bench:live`: the Kafka broker (scripts/kafka.sh), namespaced Kafka
 * topics and groups and Redis keys removed after the run, and the open-file limit 10,000 sockets need.
 */
import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { Redis } from "ioredis";
import { Kafka, logLevel } from "kafkajs";

const run = promisify(execFile);
const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const kafkaScript = join(repo, "scripts/kafka.sh");

export const KAFKA_BROKERS = process.env.BENCH_KAFKA_BROKERS ?? "127.0.0.1:9092";
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/** `bash scripts/kafka.sh status`; when it fails, `start`. True if this run started the broker. */
export async function ensureKafka(): Promise<boolean> {
  const status = await run("bash", [kafkaScript, "status"], { timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  if (status) return false;
  const started = spawnSync("bash", [kafkaScript, "start"], { stdio: ["ignore", "inherit", "inherit"], timeout: 300_000 });
  if (started.status !== 0) throw new Error("no Kafka broker answered and `bash scripts/kafka.sh start` failed");
  return true;
}

export function stopKafka(): void {
  spawnSync("bash", [kafkaScript, "stop"], { stdio: ["ignore", "inherit", "inherit"], timeout: 120_000 });
}

const bounded = <T>(work: Promise<T>, ms: number, what: string) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms))),
  ]).finally(() => clearTimeout(timer));
};

/** Deletes this run's topics and consumer groups (all named with `prefix`); never throws. */
export async function deleteKafkaNamespace(prefix: string): Promise<void> {
  const admin = new Kafka({
    brokers: KAFKA_BROKERS.split(","),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    retry: { retries: 2 },
  }).admin();
  try {
    await bounded(
      (async () => {
        await admin.connect();
        const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
        if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
        const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
        if (topics.length) await admin.deleteTopics({ topics, timeout: 20_000 });
      })(),
      40_000,
      "Kafka clean-up",
    );
  } catch (error) {
    process.stderr.write(`  could not delete Kafka topics ${prefix}*: ${(error as Error).message}\n`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Deletes every Redis key starting with `prefix`; never throws. */
export async function deleteRedisNamespace(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 3_000, lazyConnect: true });
  redis.on("error", () => undefined);
  try {
    await bounded(
      (async () => {
        await redis.connect();
        let cursor = "0";
        let rounds = 0;
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== "0" && ++rounds < 10_000);
      })(),
      20_000,
      "Redis clean-up",
    );
  } catch (error) {
    process.stderr.write(`  could not delete Redis keys ${prefix}*: ${(error as Error).message}\n`);
  } finally {
    redis.disconnect();
  }
}

/** Soft and hard "Max open files" of this process (Linux /proc; `ulimit -n` is the soft one). */
export function openFileLimits(): { soft: number; hard: number } | undefined {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const [soft, hard] = line?.split(/\s{2,}/).slice(1, 3) ?? [];
    const value = (v: string | undefined) => (v === "unlimited" ? Infinity : Number(v));
    return soft && hard ? { soft: value(soft), hard: value(hard) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks this process (and the gateway it forks, which inherits the limit) may open `needed` files.
 * Node raises its soft limit to the hard one at startup, so only the hard limit can stand in the way,
 * and only root can raise that: throws, naming the numbers.
 */
export function ensureOpenFiles(needed: number): { soft: number; hard: number } | undefined {
  const limits = openFileLimits();
  if (limits && limits.soft < needed) {
    throw new Error(
      `open-file limit ${limits.soft} (hard ${limits.hard}) is below the ${needed} the sockets need: raise the hard limit (ulimit -Hn ${needed}, as root) and run again`,
    );
  }
  return limits;
}
