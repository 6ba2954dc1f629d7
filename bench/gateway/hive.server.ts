/**
 * Hive Gateway (createGatewayRuntime on node:http) over the same supergraph, forwarding the caller
 * token to subgraphs. BENCH_HIVE_DEDUPE=on|off sets in-flight deduplication of subgraph requests.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

import { createGatewayRuntime } from "@graphql-hive/gateway";

import { INTERNAL_TOKEN_HEADER } from "../../platform/auth/internal-token.js";
import { serveChild, servedOnLoopback } from "./child.js";

serveChild(async () => {
  const runtime = createGatewayRuntime({
    supergraph: readFileSync(process.env.BENCH_SUPERGRAPH!, "utf8"),
    logging: "error",
    graphiql: false,
    landingPage: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ [INTERNAL_TOKEN_HEADER]: request.headers.get(INTERNAL_TOKEN_HEADER) }),
    },
    transportEntries: {
      "*.http": { options: { deduplicateInflightRequests: process.env.BENCH_HIVE_DEDUPE === "on" } },
    },
  });
  const server = createServer(runtime);
  server.keepAliveTimeout = 65_000;
  return servedOnLoopback(server, () => runtime.dispose());
});
