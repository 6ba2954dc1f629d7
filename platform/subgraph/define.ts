import type { Logger } from "pino";
import type { NonEmptyArray } from "type-graphql";
import type { DataSource, MixedList } from "typeorm";

import type { KeyValueStore } from "../cache/index.js";
import type { EventBus } from "../events/bus.js";
import type { ConsumerDefinition } from "../events/inbox.js";
import type { Outbox } from "../events/outbox.js";
import type { ReferenceResolvers } from "../graphql/federation.js";
import type { RouteHandler } from "../http/http-server.js";
import type { JobHandler } from "../jobs/job.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Clock } from "../time/clock.js";
import type { IdGenerator } from "../time/ids.js";

/** What the platform hands a subgraph to build its services from. */
export interface SubgraphKit {
  name: string;
  dataSource: DataSource;
  outbox: Outbox;
  clock: Clock;
  ids: IdGenerator;
  cache: KeyValueStore;
  logger: Logger;
  /** Enqueues background jobs (in the caller's transaction) for the handlers of `jobs`. */
  jobs: JobQueue;
  /** The topics' retained history, read outside any consumer group: what a read model is rebuilt from. */
  eventLog: Pick<EventBus, "replay">;
  /** Subgraph name → GraphQL URL of every subgraph this process knows of (see Platform.peers). */
  peers(): Record<string, string>;
}

/**
 * Everything the platform needs to run one domain subgraph. A subgraph is a folder
 * `subgraphs/<name>/` whose `subgraph.ts` default-exports one of these; nothing else is registered
 * anywhere.
 */
export interface SubgraphModule<Deps = unknown> {
  name: string;
  /** Default port (4001 identity, 4002 ledger, ...); `PORT` overrides when served alone. */
  port: number;
  resolvers: NonEmptyArray<Function>;
  /** Entity types no root field returns (e.g. an extended `User`). */
  orphanedTypes?: Function[];
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  /** Builds the subgraph's services; resolver classes receive the result in their constructor. */
  createDeps(kit: SubgraphKit): Deps;
  /** `__resolveReference` per entity, batched per request by the subgraph's loaders. */
  references?(deps: Deps): ReferenceResolvers;
  /** Plain HTTP routes beside /graphql (e.g. identity's JWKS). */
  routes?(deps: Deps): Record<string, RouteHandler>;
  /** Stops background work the deps started (dispatchers, timers); runs before the database closes. */
  close?(deps: Deps): Promise<void>;
  /** Reactions to other domains' events, each applied exactly once through the inbox. */
  consumers?(deps: Deps): ConsumerDefinition[];
  /**
   * Background work that may take longer than a request (imports, re-applying rules, reports):
   * handlers per job kind, run in bounded, resumable steps by the platform's job runner, which
   * starts after migrations and stops (current step finished) before `close`.
   */
  jobs?(deps: Deps): JobHandler[];
}

/** Identity function that gives a subgraph definition its types. */
export function defineSubgraph<Deps>(module: SubgraphModule<Deps>): SubgraphModule<Deps> {
  return module;
}

/**
 * Any subgraph, whatever its deps: lists of subgraphs (discovery, composition, `npm start`) hold
 * several kinds at once, and tests narrow one by name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own Deps type
export type AnySubgraphModule = SubgraphModule<any>;
