import type { Logger } from "pino";

import { generateInternalKeys, type InternalKeyPair, loadInternalKeys } from "../auth/internal-token.js";
import { createKeyValueStore, type KeyValueStore } from "../cache/index.js";
import { ConfigError } from "../config/config-error.js";
import type { PlatformConfig } from "../config/env.js";
import { DatabaseNotCreatableError, ensureDatabase } from "../db/create-database.js";
import { type DatabaseProvider, PgliteDatabaseProvider, PostgresDatabaseProvider } from "../db/database.js";
import type { EventBus } from "../events/bus.js";
import { KafkaEventBus } from "../events/kafka-bus.js";
import { MemoryEventBus } from "../events/memory-bus.js";
import { type Clock, systemClock } from "../time/clock.js";
import { type IdGenerator, randomIds } from "../time/ids.js";

/** The adapters one process runs on, chosen from config: embedded defaults or real services. */
export interface Platform {
  config: PlatformConfig;
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  database: DatabaseProvider;
  bus: EventBus;
  cache: KeyValueStore;
  internalKeys: Partial<InternalKeyPair>;
  /**
   * Subgraph name → GraphQL URL of every subgraph this process knows: the ones it runs (added as
   * each starts) and the SUBGRAPH_URL_* settings. What an operator's system health probes.
   */
  peers: Map<string, string>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** `all`: gateway and subgraphs in one process (npm start), so an internal key pair can be made up. */
  role: "all" | "gateway" | "subgraph";
  logger: Logger;
  clock?: Clock;
  ids?: IdGenerator;
  /** Kafka client id (one per process kind). */
  clientId?: string;
}

/** Connects once, creating the URL's database when the server lacks it and the role may. */
async function checkPostgres(setting: string, url: string, logger: Logger): Promise<void> {
  try {
    await ensureDatabase(url, logger);
  } catch (error) {
    if (error instanceof DatabaseNotCreatableError) throw new ConfigError(setting, error.message);
    throw new ConfigError(setting, `cannot connect to PostgreSQL (${(error as Error).message})`);
  }
}

/**
 * Connects every adapter the config asks for and checks each is reachable, so a bad setting stops
 * the process at boot with a ConfigError naming it instead of failing on the first request.
 */
export async function createPlatform(config: PlatformConfig, options: PlatformOptions): Promise<Platform> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((err) => logger.warn({ err }, "error while closing"));
  };

  try {
    let internalKeys = await loadInternalKeys({ privateKey: config.internalJwtPrivateKey, publicKey: config.internalJwtPublicKey }).catch(
      () => {
        throw new ConfigError(
          config.internalJwtPrivateKey ? "INTERNAL_JWT_PRIVATE_KEY" : "INTERNAL_JWT_PUBLIC_KEY",
          "not a usable Ed25519 PEM key",
        );
      },
    );
    if (!internalKeys.privateKey && !internalKeys.publicKey && options.role === "all") internalKeys = await generateInternalKeys();
    if (options.role === "gateway" && !internalKeys.privateKey)
      throw new ConfigError("INTERNAL_JWT_PRIVATE_KEY", "required to run the gateway on its own");
    if (options.role === "subgraph" && !internalKeys.publicKey)
      throw new ConfigError("INTERNAL_JWT_PUBLIC_KEY", "required to run a subgraph on its own");

    let bus: EventBus;
    if (config.kafkaBrokers) {
      const kafka = new KafkaEventBus({
        brokers: config.kafkaBrokers,
        clientId: options.clientId ?? `moneta-${options.role}`,
        prefix: config.kafkaTopicPrefix,
        partitions: config.kafkaTopicPartitions,
        replicationFactor: config.kafkaReplicationFactor,
        logger,
      });
      await kafka.ping().catch((error: Error) => {
        throw new ConfigError("KAFKA_BROKERS", `no Kafka broker answered at ${config.kafkaBrokers!.join(",")} (${error.message})`);
      });
      bus = kafka;
    } else {
      bus = new MemoryEventBus(logger);
    }
    closers.push(() => bus.close());

    const cache = await createKeyValueStore({
      redisUrl: config.redisUrl,
      prefix: config.cachePrefix,
      clock: { now: () => clock.now().getTime() },
    }).catch((error: Error) => {
      throw new ConfigError("REDIS_URL", error.message);
    });
    closers.push(() => cache.close());

    // The embedded database opens last: remote services are cheaper to check and fail faster.
    let database: DatabaseProvider;
    if (config.databaseUrl) {
      await checkPostgres("DATABASE_URL", config.databaseUrl, logger);
      database = new PostgresDatabaseProvider(config.databaseUrl, logger, config.databasePoolSize);
    } else {
      database = await PgliteDatabaseProvider.create(config.dataDir, {
        onError: (err) => logger.fatal({ err }, "the embedded database stopped; restart the process"),
      });
    }
    closers.push(() => database.close());
    for (const [subgraph, url] of Object.entries(config.databaseUrlBySubgraph)) {
      await checkPostgres(`DATABASE_URL_${subgraph.toUpperCase()}`, url, logger);
    }

    const peers = new Map(Object.entries(config.subgraphUrls));
    return { config, logger, clock, ids: options.ids ?? randomIds, database, bus, cache, internalKeys, peers, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
