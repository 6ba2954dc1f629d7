import type { IncomingMessage } from "node:http";

import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError } from "graphql";
import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";

import { INTERNAL_TOKEN_HEADER, InternalTokenVerifier } from "../auth/internal-token.js";
import { databaseUrlFor } from "../config/env.js";
import { createErrorMasker } from "../errors/masking.js";
import type { DeliveredMessage } from "../events/bus.js";
import type { SubscriptionHandle } from "../events/bus.js";
import { parseEnvelope } from "../events/envelope.js";
import { type ConsumerDefinition, inboxBatchHandler, inboxHandler } from "../events/inbox.js";
import { Outbox } from "../events/outbox.js";
import { OutboxRelay } from "../events/relay.js";
import { createRequestContext, type RequestContext } from "../graphql/context.js";
import { signedInPlugin } from "../graphql/signed-in.plugin.js";
import { sendJson, serveGraphQL } from "../http/http-server.js";
import { JobQueue } from "../jobs/job-queue.js";
import { JobRunner } from "../jobs/job-runner.js";
import { currentTraceId } from "../logging/trace.js";
import type { SubgraphKit, SubgraphModule } from "../subgraph/define.js";
import { buildSubgraphSchemaFor } from "../subgraph/schema.js";
import type { Platform } from "./platform.js";

/** How long a closing subgraph spends publishing its pending outbox rows (a broker that is down must not hold up the exit). */
const RELAY_FLUSH_MS = 2_000;

export interface RunningSubgraph<Deps = unknown> {
  name: string;
  url: string;
  kit: SubgraphKit;
  deps: Deps;
  relay: OutboxRelay;
  /** Present when the module declares `jobs`. */
  jobs?: JobRunner;
  close(): Promise<void>;
}

/**
 * Runs one subgraph: its schema and migrations, its GraphQL endpoint (reachable only with a
 * gateway-signed caller token), its outbox relay and its event consumers.
 */
export async function startSubgraph<Deps>(
  module: SubgraphModule<Deps>,
  platform: Platform,
  options: { port?: number } = {},
): Promise<RunningSubgraph<Deps>> {
  const logger = platform.logger.child({ subgraph: module.name });
  if (!platform.internalKeys.publicKey) throw new Error("INTERNAL_JWT_PUBLIC_KEY is required to serve a subgraph");
  const verifier = new InternalTokenVerifier(platform.internalKeys.publicKey);
  const { dataSource, notifier } = await platform.database.open(
    module.name,
    { entities: module.entities, migrations: module.migrations },
    databaseUrlFor(platform.config, module.name),
  );
  const kit: SubgraphKit = {
    name: module.name,
    dataSource,
    outbox: new Outbox(module.name, platform.clock, platform.ids),
    clock: platform.clock,
    ids: platform.ids,
    cache: platform.cache,
    logger,
    jobs: new JobQueue(module.name, platform.clock, platform.ids),
    eventLog: platform.bus,
    peers: () => Object.fromEntries(platform.peers),
  };
  const deps = module.createDeps(kit);
  const { schema } = await buildSubgraphSchemaFor(module, deps);

  const apollo = new ApolloServer<RequestContext>({
    schema,
    // Subgraphs are reachable only with a gateway-signed token; introspection helps debugging outside production.
    introspection: platform.config.env !== "production",
    includeStacktraceInErrorResponses: false,
    // boot() owns SIGTERM: Apollo's own handler would stop the server under requests in flight and re-raise the signal.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: ftv1 traces would cost CPU on every request for nobody.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), signedInPlugin()],
    formatError: createErrorMasker({
      traceId: currentTraceId,
      onUnexpected: (err, traceId) => logger.error({ err, traceId }, "unexpected error in resolver"),
    }),
  });
  await apollo.start();

  const context = async (req: IncomingMessage): Promise<RequestContext> => {
    const header = req.headers[INTERNAL_TOKEN_HEADER];
    try {
      const { caller, client } = await verifier.verify(Array.isArray(header) ? header[0] : header);
      return createRequestContext(caller, currentTraceId() ?? "none", logger, client);
    } catch {
      throw new GraphQLError("subgraphs accept calls from the gateway only", {
        extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
      });
    }
  };

  const metrics = subgraphMetrics();
  const http = await serveGraphQL({
    apollo,
    host: platform.config.host,
    port: options.port ?? module.port,
    maxBodyBytes: platform.config.maxBodyBytes,
    context,
    routes: {
      ...module.routes?.(deps),
      "/health": (_req, res) => sendJson(res, 200, { status: "ok", subgraph: module.name }),
      "/metrics": async (_req, res) => {
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      },
      "/ready": async (_req, res) => {
        try {
          await dataSource.query("SELECT 1");
          sendJson(res, 200, { status: "ready", subgraph: module.name });
        } catch {
          sendJson(res, 503, { status: "unavailable", subgraph: module.name });
        }
      },
    },
  });

  const relay = new OutboxRelay({ dataSource, schema: module.name, bus: platform.bus, notifier, logger });
  await relay.start();
  // Side by side: joining a group that other instances already belong to waits for a rebalance
  // (their next heartbeat), and one after another those waits would add up consumer by consumer.
  const subscriptions: SubscriptionHandle[] = await Promise.all(
    (module.consumers?.(deps) ?? []).map((consumer) =>
      platform.bus.subscribe({
        groupId: `${module.name}.${consumer.name}`,
        topics: consumer.topics,
        fromBeginning: consumer.fromBeginning ?? true,
        ...metrics.consumer(
          consumer,
          inboxHandler(dataSource, module.name, consumer, metrics.duplicateOf(consumer)),
          inboxBatchHandler(dataSource, module.name, consumer, metrics.duplicateOf(consumer)),
        ),
      }),
    ),
  );
  const handlers = module.jobs?.(deps) ?? [];
  const jobs =
    handlers.length > 0
      ? new JobRunner({
          dataSource,
          schema: module.name,
          clock: platform.clock,
          logger: logger.child({ feature: "jobs" }),
          handlers,
          notifier,
        })
      : undefined;
  await jobs?.start();
  // An explicit SUBGRAPH_URL_* (a load balancer in front of several instances) stays what peers see.
  if (!platform.peers.has(module.name)) platform.peers.set(module.name, http.url);
  logger.info({ url: http.url }, "subgraph ready");

  return {
    name: module.name,
    url: http.url,
    kit,
    deps,
    relay,
    jobs,
    close: async () => {
      // In order: no new requests and the ones in flight answered; consumers stopped (kafkajs commits
      // their offsets as it disconnects) and jobs paused; then the outbox rows all of those wrote
      // are published before the bus closes.
      await http.close();
      await Promise.allSettled(subscriptions.map((s) => s.stop()));
      await jobs?.stop();
      await module.close?.(deps);
      await relay.stop({ flushMs: RELAY_FLUSH_MS });
      await apollo.stop();
    },
  };
}

/**
 * A subgraph's /metrics: its event consumers (events handled, failures, and lag: how long after
 * it occurred the last event was handled) and the process. Request latency per subgraph is
 * measured by the gateway (`subgraph_fetch_duration_seconds`). Redeliveries the inbox skipped are
 * counted apart (`events_duplicates_skipped_total`): the proof that exactly-once is the inbox's doing.
 */
function subgraphMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const handled = new Counter({
    name: "events_consumed_total",
    help: "Events handled by a consumer, by outcome (ok, failed: retried or sent to the DLQ).",
    labelNames: ["consumer", "outcome"] as const,
    registers: [registry],
  });
  const lag = new Gauge({
    name: "event_consumer_lag_seconds",
    help: "For the last event a consumer handled: time from its occurredAt to being handled.",
    labelNames: ["consumer"] as const,
    registers: [registry],
  });
  const duplicates = new Counter({
    name: "events_duplicates_skipped_total",
    help: "Redelivered events a consumer's inbox recognised and skipped (their effects were not applied again).",
    labelNames: ["consumer"] as const,
    registers: [registry],
  });
  return {
    registry,
    duplicateOf(definition: ConsumerDefinition) {
      const counter = duplicates.labels(definition.name);
      return () => counter.inc();
    },
    consumer(
      definition: ConsumerDefinition,
      handle: (message: DeliveredMessage) => Promise<void>,
      handleBatch: (messages: DeliveredMessage[]) => Promise<void>,
    ) {
      const ok = handled.labels(definition.name, "ok");
      const failed = handled.labels(definition.name, "failed");
      const lagOf = lag.labels(definition.name);
      const measured = async (messages: DeliveredMessage[], apply: () => Promise<void>) => {
        try {
          await apply();
          ok.inc(messages.length);
        } catch (error) {
          failed.inc(messages.length);
          throw error;
        }
        const occurredAt = Date.parse(parseEnvelope(messages[messages.length - 1]!.value).occurredAt);
        if (Number.isFinite(occurredAt)) lagOf.set(Math.max(0, Date.now() - occurredAt) / 1000);
      };
      return {
        handle: (message: DeliveredMessage) => measured([message], () => handle(message)),
        handleBatch: (messages: DeliveredMessage[]) => measured(messages, () => handleBatch(messages)),
      };
    },
  };
}
