import { pino } from "pino";
import { startGateway, type RunningGateway } from "../../gateway/gateway.js";
import type { PlatformConfig } from "../../platform/config/index.js";
import { startAllSubgraphs, type RunningSubgraphs } from "../../platform/runtime/index.js";
import type { RunningSubgraph } from "../../platform/runtime/start-subgraph.js";
import { testAuthenticator } from "./test-authenticator.js";

export interface TestSupergraph {
  gateway: RunningGateway;
  all: RunningSubgraphs;
  subgraph<Deps = any>(name: string): RunningSubgraph<Deps>;
  /** POSTs an operation to the gateway; returns status and parsed body. */
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult>;
  close(): Promise<void>;
}

export interface GraphQLResult {
  status: number;
  data?: any;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export async function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResult> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as Omit<GraphQLResult, "status">;
  return { status: response.status, ...json };
}

/** Every subgraph and the gateway on free ports, on the given config (embedded or real services). */
export async function startTestSupergraph(config: PlatformConfig): Promise<TestSupergraph> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const all = await startAllSubgraphs(config, { logger, randomPorts: true });
  const gateway = await startGateway({
    host: "127.0.0.1",
    port: 0,
    logger,
    internalPrivateKey: all.platform.internalKeys.privateKey!,
    subgraphUrls: all.urls,
    authenticator: testAuthenticator,
  });
  return {
    gateway,
    all,
    subgraph: (name) => {
      const found = all.subgraphs.find((s) => s.name === name);
      if (!found) throw new Error(`no subgraph ${name}`);
      return found;
    },
    query: (query, variables, headers) => postGraphQL(gateway.url, { query, variables }, headers),
    close: async () => {
      await gateway.close();
      await all.close();
    },
  };
}
