import type { Logger } from "pino";

import type { PlatformConfig } from "../config/env.js";
import type { AnySubgraphModule } from "../subgraph/define.js";
import { loadSubgraphs } from "../subgraph/discover.js";
import { createPlatform, type Platform, type PlatformOptions } from "./platform.js";
import { type RunningSubgraph, startSubgraph } from "./start-subgraph.js";

/** A running subgraph whatever its deps; tests narrow one by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own Deps type
type AnyRunningSubgraph = RunningSubgraph<any>;

export interface RunningSubgraphs {
  platform: Platform;
  subgraphs: AnyRunningSubgraph[];
  /** name → URL each subgraph actually listens on. */
  urls: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts every implemented subgraph in this process on one platform (one PGlite, one bus).
 * `port: 0` puts each on a free port (tests); otherwise each uses its own default port.
 */
export async function startAllSubgraphs(
  config: PlatformConfig,
  options: { logger: Logger; randomPorts?: boolean; modules?: AnySubgraphModule[] } & Partial<PlatformOptions>,
): Promise<RunningSubgraphs> {
  const platform = await createPlatform(config, { role: "all", ...options });
  const subgraphs: AnyRunningSubgraph[] = [];
  try {
    for (const module of options.modules ?? (await loadSubgraphs())) {
      subgraphs.push(await startSubgraph(module, platform, options.randomPorts ? { port: 0 } : {}));
    }
  } catch (error) {
    for (const s of subgraphs.reverse()) await s.close().catch(() => undefined);
    await platform.close();
    throw error;
  }
  return {
    platform,
    subgraphs,
    urls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    close: async () => {
      // Side by side: each one's drain, consumer disconnects and outbox flush are independent, and
      // one after another they could outlast the exit deadline.
      const closed = await Promise.allSettled(subgraphs.map((s) => s.close()));
      await platform.close();
      const failed = closed.find((c): c is PromiseRejectedResult => c.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
