/**
 * Our gateway alone in a process for `npm run bench:ledger`: the configured body limit
 * (MAX_BODY_BYTES, 8 MiB by default, for the 50,000-row import) and cost rate limits off (0), so the
 * benchmark measures the ledger, not the throttle. Everything else as in bench/gateway/ours.server.ts.
 */
import "reflect-metadata";

import { readFileSync } from "node:fs";

import { startGateway } from "../../gateway/gateway.js";
import { DEFAULT_RATE_LIMITS } from "../../gateway/rate-limit/index.js";
import { loadInternalKeys } from "../../platform/auth/index.js";
import { loadConfig } from "../../platform/config/index.js";
import { createLogger } from "../../platform/logging/index.js";
import { serveChild } from "../gateway/child.js";

serveChild(async () => {
  const { privateKey } = await loadInternalKeys({ privateKey: process.env.INTERNAL_JWT_PRIVATE_KEY });
  const gateway = await startGateway({
    host: "127.0.0.1",
    port: 0,
    logger: createLogger("gateway", process.env.LOG_LEVEL ?? "silent"),
    internalPrivateKey: privateKey!,
    supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH!, "utf8"),
    subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>,
    development: false,
    maxBodyBytes: loadConfig(process.env).maxBodyBytes,
    rateLimits: { ...DEFAULT_RATE_LIMITS, user: 0, apiKey: 0, ip: 0 },
  });
  return { info: { url: gateway.url }, close: () => gateway.close() };
});
