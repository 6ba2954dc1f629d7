/**
 * `npm run serve -- <gateway|subgraph-name>`: one service per process, as in docker-compose.yml.
 * Subgraphs need INTERNAL_JWT_PUBLIC_KEY, the gateway INTERNAL_JWT_PRIVATE_KEY.
 */
import "reflect-metadata";

import { loadGatewaySettings } from "../gateway/gateway.config.js";
import { startGateway } from "../gateway/gateway.js";
import { loadInternalKeys } from "../platform/auth/index.js";
import { createKeyValueStore } from "../platform/cache/index.js";
import { ConfigError, loadConfig } from "../platform/config/index.js";
import { KafkaEventBus } from "../platform/events/index.js";
import { createLogger } from "../platform/logging/index.js";
import { boot, createPlatform, startSubgraph } from "../platform/runtime/index.js";
import { loadSubgraph, subgraphNames } from "../platform/subgraph/index.js";

const target = process.argv[2] ?? "";

boot(`moneta-${target || "serve"}`, async () => {
  const config = loadConfig(process.env);
  const logger = createLogger(target, config.logLevel);
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new ConfigError("PORT", "must be a port number");
  if (target === "gateway") {
    const gatewaySettings = loadGatewaySettings(process.env);
    const { privateKey } = await loadInternalKeys({ privateKey: config.internalJwtPrivateKey });
    if (!privateKey) throw new ConfigError("INTERNAL_JWT_PRIVATE_KEY", "required to run the gateway on its own");
    // Live subscriptions and API-key revocations arrive as events; without Kafka neither is served.
    const bus = config.kafkaBrokers
      ? new KafkaEventBus({
          brokers: config.kafkaBrokers,
          clientId: "moneta-gateway",
          prefix: config.kafkaTopicPrefix,
          partitions: config.kafkaTopicPartitions,
          replicationFactor: config.kafkaReplicationFactor,
          logger,
        })
      : undefined;
    await bus?.ping().catch((error: Error) => {
      throw new ConfigError("KAFKA_BROKERS", `no Kafka broker answered (${error.message})`);
    });
    // APQ and rate limits: Redis, so every gateway instance shares them (memory without REDIS_URL).
    const cache = await createKeyValueStore({ redisUrl: config.redisUrl, prefix: config.cachePrefix }).catch(async (error: Error) => {
      await bus?.close();
      throw new ConfigError("REDIS_URL", error.message);
    });
    const gateway = await startGateway({
      host: config.host,
      port: port ?? config.gatewayPort,
      logger,
      internalPrivateKey: privateKey,
      subgraphUrls: config.subgraphUrls,
      development: config.env !== "production",
      trustProxy: config.trustProxy,
      maxBodyBytes: config.maxBodyBytes,
      ...gatewaySettings,
      bus,
      cache,
    });
    return {
      close: async () => {
        await gateway.close();
        await cache.close();
        await bus?.close();
      },
    };
  }
  if (!subgraphNames().includes(target)) {
    throw new ConfigError("argv", `expected "gateway" or one of: ${subgraphNames().join(", ")}`);
  }
  const platform = await createPlatform(config, { role: "subgraph", logger, clientId: `moneta-${target}` });
  const running = await startSubgraph(await loadSubgraph(target), platform, { port });
  return {
    close: async () => {
      await running.close();
      await platform.close();
    },
  };
});
