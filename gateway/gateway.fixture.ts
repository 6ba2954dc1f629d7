import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { pino } from "pino";

import { anonymousCaller } from "../platform/auth/caller.js";
import { generateInternalKeys } from "../platform/auth/internal-token.js";
import { FEDERATION_LINK } from "../platform/graphql/federation.js";
import { type GatewayOptions, type RunningGateway, startGateway } from "./gateway.js";
import { GatewayMetrics } from "./metrics/index.js";
import { PersistedDocuments } from "./persisted/index.js";

/** One tiny subgraph: a fast field, a slow one and a slow write, for tests of the gateway's HTTP edge. */
export const STUB_SDL = `${FEDERATION_LINK}

type Query {
  fast: String
  slow: String
}

type Mutation {
  slowWrite: String
}
`;

export interface StubbedGateway {
  gateway: RunningGateway;
  /** Gateway origin, e.g. http://127.0.0.1:54321 */
  origin: string;
  /** Writes the stub finished (after the gateway may have stopped waiting). */
  completedWrites: number;
  close(): Promise<void>;
}

/**
 * A started gateway in front of a stub subgraph on loopback: real HTTP in, real HTTP out, no
 * database or identity. `slow` and `slowWrite` answer after `slowMs`.
 */
export async function startStubbedGateway(
  options: { slowMs?: number } & Partial<
    Pick<
      GatewayOptions,
      "development" | "corsOrigins" | "subgraphTimeoutMs" | "metrics" | "logger" | "persistedOnly" | "webDistDir" | "persistedDocuments"
    >
  > = {},
): Promise<StubbedGateway> {
  const slowMs = options.slowMs ?? 1_000;
  const state = { completedWrites: 0 };
  const stub = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    req.on("end", () => {
      const { query } = JSON.parse(text) as { query: string };
      const answer = (data: Record<string, unknown>) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data }));
      if (query.includes("slowWrite")) {
        setTimeout(() => {
          state.completedWrites++;
          answer({ slowWrite: "written" });
        }, slowMs);
      } else if (query.includes("slow")) setTimeout(() => answer({ slow: "late" }), slowMs);
      else answer({ fast: "fast" });
    });
  });
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  const composed = composeServices([{ name: "stub", url: stubUrl, typeDefs: parse(STUB_SDL) }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("; "));

  const closeStub = async () => {
    stub.closeAllConnections();
    await new Promise<void>((resolve) => stub.close(() => resolve()));
  };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      host: "127.0.0.1",
      port: 0,
      logger: options.logger ?? pino({ level: "silent" }),
      internalPrivateKey: (await generateInternalKeys()).privateKey,
      supergraphSdl: composed.supergraphSdl,
      authenticator: { authenticate: async () => anonymousCaller },
      persistedDocuments: options.persistedDocuments ?? PersistedDocuments.fromManifest({}),
      persistedOnly: options.persistedOnly ?? false,
      webDistDir: options.webDistDir,
      metrics: options.metrics ?? new GatewayMetrics({ processMetrics: false }),
      development: options.development ?? true,
      corsOrigins: options.corsOrigins ?? [],
      // Present but undefined: read GATEWAY_SUBGRAPH_TIMEOUT_MS as a real boot does.
      subgraphTimeoutMs: "subgraphTimeoutMs" in options ? options.subgraphTimeoutMs : 5_000,
    });
  } catch (error) {
    await closeStub();
    throw error;
  }
  return {
    gateway,
    origin: new URL(gateway.url).origin,
    get completedWrites() {
      return state.completedWrites;
    },
    close: async () => {
      await gateway.close();
      await closeStub();
    },
  };
}
