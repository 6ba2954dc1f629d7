/** Our gateway (gateway/gateway.ts) alone in a process, over the benchmark's supergraph. */
import "reflect-metadata";

import { readFileSync } from "node:fs";

import { startGateway } from "../../gateway/gateway.js";
import { loadInternalKeys } from "../../platform/auth/index.js";
import { createLogger } from "../../platform/logging/index.js";
import { serveChild } from "./child.js";

serveChild(async () => {
  const { privateKey } = await loadInternalKeys({ privateKey: process.env.INTERNAL_JWT_PRIVATE_KEY });
  const gateway = await startGateway({
    host: "127.0.0.1",
    port: 0,
    logger: createLogger("gateway", process.env.LOG_LEVEL ?? "warn"),
    internalPrivateKey: privateKey!,
    supergraphSdl: readFileSync(process.env.BENCH_SUPERGRAPH!, "utf8"),
    subgraphUrls: JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>,
    development: false,
    dedupeSubgraphFetches: process.env.BENCH_DEDUPE !== "off",
  });
  return { info: { url: gateway.url }, close: () => gateway.close() };
});
