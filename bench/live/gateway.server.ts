/**
 * Our gateway alone in a process for `npm run bench:live`, with live subscriptions: a Kafka bus
 * (KAFKA_BROKERS, KAFKA_TOPIC_PREFIX), Redis for APQ and rate limits (REDIS_URL, CACHE_PREFIX), and
 * cost rate limits off (0), as bench/ledger/gateway.server.ts. Besides the usual ready / usage / stop
 * (bench/gateway/child.ts) it answers `live-stats`: open sockets and subscriptions, and memory, after
 * a full GC when the process runs with --expose-gc.
 */
import "reflect-metadata";

import { readFileSync } from "node:fs";

import { startGateway } from "../../gateway/gateway.js";
import { DEFAULT_RATE_LIMITS } from "../../gateway/rate-limit/index.js";
import { loadInternalKeys } from "../../platform/auth/index.js";
import { createKeyValueStore } from "../../platform/cache/index.js";
import { loadConfig } from "../../platform/config/index.js";
import { KafkaEventBus } from "../../platform/events/index.js";
import { createLogger } from "../../platform/logging/index.js";
import { serveChild } from "../gateway/child.js";
import type { LiveStatsReply, LiveStatsRequest } from "./process.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

serveChild(async () => {
  const config = loadConfig(process.env);
  if (!config.kafkaBrokers) throw new Error("KAFKA_BROKERS is required: live subscriptions arrive from Kafka");
  const logger = createLogger("gateway", process.env.LOG_LEVEL ?? "silent");
  const { privateKey } = await loadInternalKeys({ privateKey: config.internalJwtPrivateKey });
  const bus = new KafkaEventBus({
    brokers: config.kafkaBrokers,
    clientId: "moneta-bench-live-gateway",
    prefix: config.kafkaTopicPrefix,
    partitions: config.kafkaTopicPartitions,
    replicationFactor: config.kafkaReplicationFactor,
    logger,
  });
  await bus.ping();
  const cache = await createKeyValueStore({ redisUrl: config.redisUrl, prefix: config.cachePrefix });
  const gateway = await startGateway({
    host: "127.0.0.1",
    port: 0,
    logger,
    internalPrivateKey: privateKey!,
    supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH!, "utf8"),
    subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>,
    development: false,
    maxBodyBytes: config.maxBodyBytes,
    bus,
    cache,
    rateLimits: { ...DEFAULT_RATE_LIMITS, user: 0, apiKey: 0, ip: 0 },
  });

  process.on("message", (message: LiveStatsRequest) => {
    if (message?.type !== "live-stats") return;
    void (async () => {
      if (message.gc && typeof global.gc === "function") {
        // Twice, with a turn of the event loop between: weak refs and finalizers let go in the second.
        global.gc();
        await settle();
        global.gc();
      }
      const memory = process.memoryUsage();
      const reply: LiveStatsReply = {
        type: "live-stats",
        id: message.id,
        ...gateway.liveStats(),
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        externalBytes: memory.external,
      };
      process.send?.(reply);
    })();
  });

  return {
    info: { url: gateway.url, gc: typeof global.gc === "function" },
    close: async () => {
      await gateway.close();
      await cache.close();
      await bus.close();
    },
  };
});
