/**
 * The servers of a live-subscription benchmark on real services: a fresh PostgreSQL database, a Kafka
 * topic prefix and a Redis key prefix of this run's own, every subgraph in one child process and the
 * gateway with live subscriptions in another (bench/live/gateway.server.ts, --expose-gc). `cleanUp`
 * closes the subscribers' sockets, stops the servers and removes the database, topics and keys; it
 * runs once, whatever part of `start` got done.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { ServerProcess } from "../gateway/process.js";
import { createDatabase, databaseUrl, dropDatabase } from "../ledger/postgres.js";
import { serverEnv, startSubgraphs } from "../support/stack.js";
import { LiveSocket } from "./client.js";
import { GatewayProcess } from "./process.js";
import { deleteKafkaNamespace, deleteRedisNamespace, ensureKafka, KAFKA_BROKERS, REDIS_URL, stopKafka } from "./services.js";

export interface LiveServers {
  subgraphs: ServerProcess;
  gateway: GatewayProcess;
  urls: Record<string, string>;
  /** The gateway's graphql-ws endpoint. */
  wsUrl: string;
}

export class LiveStack {
  readonly database: string;
  readonly topicPrefix: string;
  readonly cachePrefix: string;
  /** Subscribers' sockets: closed first in `cleanUp`. */
  readonly sockets: LiveSocket[] = [];
  private readonly work: string;
  private subgraphs?: ServerProcess;
  private gateway?: GatewayProcess;
  private databaseCreated = false;
  private startedKafka = false;
  private cleaned = false;

  /** `name` tells this benchmark's database, topics and keys apart from others' (e.g. "live", "groups"). */
  constructor(name: string) {
    const suffix = randomBytes(4).toString("hex");
    this.database = `moneta_bench_${name}_${suffix}`;
    this.topicPrefix = `bench-${name}-${suffix}.`;
    this.cachePrefix = `bench-${name}-${suffix}`;
    this.work = mkdtempSync(join(tmpdir(), `moneta-bench-${name}-`));
    process.once("SIGINT", () => void this.cleanUp().finally(() => process.exit(130)));
  }

  /**
   * Starts Kafka when no broker answers, then the servers; `env` is added to both processes'
   * environment, `subgraphNodeArgs` to the subgraphs process's Node options (--expose-gc, say).
   */
  async start(env: Record<string, string> = {}, subgraphNodeArgs: string[] = []): Promise<LiveServers> {
    this.startedKafka = await ensureKafka();
    await createDatabase(this.database);
    this.databaseCreated = true;
    const { env: base } = await serverEnv({
      DATABASE_URL: databaseUrl(this.database),
      REDIS_URL,
      CACHE_PREFIX: this.cachePrefix,
      KAFKA_BROKERS,
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      ...env,
    });
    const started = await startSubgraphs(base, this.work, subgraphNodeArgs);
    this.subgraphs = started.subgraphs;
    this.gateway = await GatewayProcess.start(started.gatewayEnv);
    return { subgraphs: started.subgraphs, gateway: this.gateway, urls: started.urls, wsUrl: this.gateway.url.replace(/^http/, "ws") };
  }

  /** One line naming the services and this run's namespaces, for a benchmark's header. */
  describe(): string {
    return `real services on loopback: PostgreSQL (fresh database), Kafka ${KAFKA_BROKERS} (topic prefix ${this.topicPrefix}${this.startedKafka ? ", broker started by this run" : ""}), Redis (prefix ${this.cachePrefix})`;
  }

  async cleanUp(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await LiveSocket.closeAll(this.sockets.splice(0), 10_000);
    await Promise.allSettled([this.gateway?.stop(), this.subgraphs?.stop()]);
    if (this.databaseCreated) await dropDatabase(this.database);
    await deleteKafkaNamespace(this.topicPrefix);
    await deleteRedisNamespace(this.cachePrefix);
    rmSync(this.work, { recursive: true, force: true });
    if (this.startedKafka && !process.env.MONETA_KEEP_KAFKA) stopKafka();
  }
}
