/**
 * `npm start`: the whole supergraph in one process: every subgraph in subgraphs/ and the gateway,
 * on the embedded defaults unless env vars point at real PostgreSQL, Redis and Kafka.
 * `--memory` keeps the embedded database in memory (nothing written to .moneta/). The web app at
 * `/` is built first when web/dist is missing or older than web/src.
 */
import "reflect-metadata";

import { mkdirSync } from "node:fs";

import { loadGatewaySettings } from "../gateway/gateway.config.js";
import { startGateway } from "../gateway/gateway.js";
import { loadConfig } from "../platform/config/index.js";
import { createLogger } from "../platform/logging/index.js";
import { boot, startAllSubgraphs } from "../platform/runtime/index.js";
import { ensureWebBuilt } from "./web-build.js";

boot("moneta", async () => {
  const started = performance.now();
  const config = loadConfig(process.env, { memory: process.argv.includes("--memory") });
  // Checked before anything starts, so a bad value stops boot at once.
  const gatewaySettings = loadGatewaySettings(process.env);
  const logger = createLogger("moneta", config.logLevel);
  if (config.dataDir && !config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  // The web app served at `/`: built on the first start of a fresh clone, and after it changes.
  if (!gatewaySettings.webDistDir) await ensureWebBuilt((message) => logger.info(message));
  const all = await startAllSubgraphs(config, { logger });
  try {
    const gateway = await startGateway({
      host: config.host,
      port: config.gatewayPort,
      logger: logger.child({ component: "gateway" }),
      internalPrivateKey: all.platform.internalKeys.privateKey!,
      subgraphUrls: { ...all.urls, ...config.subgraphUrls },
      development: config.env !== "production",
      trustProxy: config.trustProxy,
      maxBodyBytes: config.maxBodyBytes,
      ...gatewaySettings,
      bus: all.platform.bus,
      // APQ and rate limits live in the platform's store: Redis when REDIS_URL is set.
      cache: all.platform.cache,
    });
    const mode = [
      config.databaseUrl ? "PostgreSQL" : config.dataDir ? `PGlite (${config.dataDir})` : "PGlite (in memory)",
      config.kafkaBrokers ? "Kafka" : "in-process events",
      config.redisUrl ? "Redis" : "in-memory cache",
    ].join(", ");
    console.log(
      `Moneta supergraph ready at ${gateway.url} in ${Math.round(performance.now() - started)} ms (${mode}; subgraphs: ${Object.keys(all.urls).join(", ")})`,
    );
    return {
      close: async () => {
        await gateway.close();
        await all.close();
      },
    };
  } catch (error) {
    await all.close();
    throw error;
  }
});
