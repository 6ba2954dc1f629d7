import { randomUUID } from "node:crypto";

import { Supergraph } from "@apollo/federation-internals";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { type DocumentNode, type FormattedExecutionResult, GraphQLError, parse } from "graphql";
import type { CryptoKey } from "jose";
import type { Logger } from "pino";

import type { Caller } from "../platform/auth/caller.js";
import { anonymousCaller, type ClientInfo } from "../platform/auth/caller.js";
import { type KeyValueStore, MemoryKeyValueStore } from "../platform/cache/index.js";
import { createErrorMasker } from "../platform/errors/masking.js";
import type { EventBus } from "../platform/events/bus.js";
import { type RunningHttpServer, sendJson, serveGraphQL } from "../platform/http/http-server.js";
import { currentTraceId } from "../platform/logging/trace.js";
import { createFileStorage, type FileStorage, loadFileSettings } from "../platform/storage/index.js";
import { type Clock, systemClock } from "../platform/time/clock.js";
import type { Authenticator } from "./auth/authenticator.js";
import { type GatewayAuthenticator, startGatewayAuthenticator } from "./auth/gateway-authenticator.js";
import type { ApiKeyResolver } from "./auth/jwt-authenticator.js";
import { authorizeGateway, extractRequirements, supergraphForGateway } from "./authz/index.js";
import { CALENDAR_PATH_PREFIX, calendarFeedRoute } from "./calendar/calendar-feed.route.js";
import { calendarFeedOwner } from "./calendar/calendar-feed-owner.js";
import { clientInfoOf } from "./client-info.js";
import { createGatewayContext, type GatewayContext } from "./context.js";
import { fileDownloadRoute, FILES_PATH } from "./files/file-download.js";
import { loadGatewaySettings } from "./gateway.config.js";
import {
  checkOperationCost,
  loadOperationLimits,
  operationLimitRules,
  type OperationLimits,
  parseOptionsFor,
  refineLimitError,
} from "./limits/index.js";
import { LiveBridge } from "./live/live-bridge.js";
import { liveFieldsOf } from "./live/live-fields.js";
import { type LiveServer, startLiveServer } from "./live/subscription-server.js";
import { GatewayMetrics, metricsPlugin } from "./metrics/index.js";
import {
  apqOptions,
  loadPersistedDocuments,
  type PersistedDocuments,
  persistedOperationsPlugin,
  preparePersistedRequest,
  safelistRefusal,
  warmUpPersistedDocuments,
} from "./persisted/index.js";
import { holdToManifest } from "./persisted/persisted-only.js";
import { chargeSubscription, guardApiKeys, loadRateLimits, RateLimiter, rateLimitPlugin, type RateLimits } from "./rate-limit/index.js";
import { SMS_STATUS_PATH, smsStatusForwardRoute } from "./sms/sms-status-forward.js";
import { SubgraphDataSource } from "./subgraph-data-source.js";
import { readSupergraphSdl } from "./supergraph.js";
import { receiptUploadRoute, UPLOADS_PATH } from "./uploads/receipt-upload.js";
import { CachingInternalTokenSigner } from "./upstream/caller-token-cache.js";
import { InflightFetches } from "./upstream/inflight.js";
import type { PlainResponse } from "./upstream/keep-alive-client.js";
import { corsHook } from "./web/cors.js";
import { createExplorer } from "./web/explorer.js";
import { webAppRoute } from "./web/web-app.js";

// @apollo/gateway reports usage to Apollo unless told not to; this machine talks to no one.
process.env.APOLLO_TELEMETRY_DISABLED ??= "true";

export interface GatewayOptions {
  host: string;
  port: number;
  logger: Logger;
  internalPrivateKey: CryptoKey;
  supergraphSdl?: string;
  /** Subgraph URL overrides by name (containers, tests on random ports). */
  subgraphUrls?: Record<string, string>;
  /** Defaults to access tokens verified against identity's JWKS. */
  authenticator?: Authenticator;
  /** Resolves `x-api-key`; defaults to asking identity, with a per-instance cache. */
  apiKeys?: ApiKeyResolver;
  /**
   * Events for live subscriptions (and for evicting revoked API keys at once). Without a bus the
   * gateway serves no subscriptions.
   */
  bus?: EventBus;
  /** Where identity publishes its JWKS; defaults to the identity subgraph's origin. */
  jwksUrl?: string;
  /** Time for token expiry checks; tests pin it. */
  clock?: Clock;
  development?: boolean;
  maxBodyBytes?: number;
  /** Believe X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Depth, alias, root-field, token and cost limits; from GATEWAY_MAX_* settings by default. */
  limits?: OperationLimits;
  /** Prometheus metrics served on /metrics; a fresh registry per gateway by default. */
  metrics?: GatewayMetrics;
  /** Identical reads by one caller in flight at once share a subgraph fetch (default on). */
  dedupeSubgraphFetches?: boolean;
  /** Shared store for APQ and rate limits (Redis in production); an in-memory one of this instance by default. */
  cache?: KeyValueStore;
  /** Trusted documents; read from PERSISTED_DOCUMENTS_PATH, else the generated manifest, by default. */
  persistedDocuments?: PersistedDocuments;
  /** Cost units per window per user, API key and anonymous IP; from RATE_LIMIT_* settings by default. */
  rateLimits?: RateLimits;
  /** How long one subgraph fetch may take before the client gets UPSTREAM_TIMEOUT; GATEWAY_SUBGRAPH_TIMEOUT_MS by default. */
  subgraphTimeoutMs?: number;
  /** Origins allowed to call /graphql from a browser (CORS); CORS_ORIGINS by default, none when unset. */
  corsOrigins?: readonly string[];
  /** Files subgraphs made (reports) and the secret their download links are signed with; FILE_STORAGE_DIR and FILE_LINK_SECRET by default. */
  files?: { storage: FileStorage; linkSecret: string };
  /** Every caller may run only manifest documents (a production gateway for the web app and integrators); GATEWAY_PERSISTED_ONLY by default. */
  persistedOnly?: boolean;
  /** The built web app served at `/`; WEB_DIST_DIR, else web/dist, by default. */
  webDistDir?: string;
  /** Calendar feed fetches per IP per rate-limit window; 30 by default. */
  calendarFeedFetchesPerIp?: number;
}

export interface RunningGateway extends RunningHttpServer {
  /** Subgraph name → URL the gateway calls. */
  subgraphs: Record<string, string>;
  /** Open graphql-ws sockets and live subscriptions. */
  liveStats(): { sockets: number; subscriptions: number };
  metrics: GatewayMetrics;
}

/** What the upload route runs once a receipt's file is stored: the ledger takes it from there. */
const COMPLETE_RECEIPT_UPLOAD = parse(`mutation CompleteReceiptUpload($id: ID!) { completeReceiptUpload(receiptId: $id) { id status } }`);

async function subgraphReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url.replace(/\/graphql$/, "/ready"), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function filesFromSettings(): { storage: FileStorage; linkSecret: string } {
  return { storage: createFileStorage(), linkSecret: loadFileSettings().linkSecret };
}

/** The public entry: @apollo/gateway planning over the committed supergraph, on Apollo Server 5. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  // Read (and validated) only for what the caller left out, so tests need no environment.
  const settings =
    options.subgraphTimeoutMs === undefined || options.corsOrigins === undefined || options.persistedOnly === undefined
      ? loadGatewaySettings()
      : undefined;
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? settings!.subgraphTimeoutMs;
  const corsOrigins = options.corsOrigins ?? settings!.corsOrigins;
  const persistedOnly = options.persistedOnly ?? settings!.persistedOnly;
  const webDistDir = options.webDistDir ?? (settings ?? loadGatewaySettings()).webDistDir;
  const files = options.files ?? filesFromSettings();
  // One signature per caller per 40 s instead of one per request (see CachingInternalTokenSigner).
  const signer = new CachingInternalTokenSigner(options.internalPrivateKey);
  const metrics = options.metrics ?? new GatewayMetrics();
  const inflight = options.dedupeSubgraphFetches === false ? false : new InflightFetches<PlainResponse>();
  const dataSources: SubgraphDataSource[] = [];
  const subgraphs: Record<string, string> = {};
  const supergraphSdl = options.supergraphSdl ?? readSupergraphSdl();
  // @apollo/gateway refuses SECURITY features it cannot enforce; authorizeGateway enforces them.
  const plannableSdl = supergraphForGateway(supergraphSdl);
  const apiSchema = Supergraph.build(plannableSdl).apiSchema().toGraphQLJSSchema();
  const limits = options.limits ?? loadOperationLimits();
  const development = options.development ?? false;
  const persisted = options.persistedDocuments ?? loadPersistedDocuments();
  const cache = options.cache ?? new MemoryKeyValueStore({ prefix: "moneta" });
  const rateLimiter = new RateLimiter({ store: cache, limits: options.rateLimits ?? loadRateLimits(process.env, limits), logger });
  const gateway = new ApolloGateway({
    supergraphSdl: plannableSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      subgraphs[name] = target;
      // Identity alone signs people in; only its word on a sign-in is believed.
      const dataSource = new SubgraphDataSource(target, {
        name,
        metrics,
        inflight,
        http: { timeoutMs: subgraphTimeoutMs },
        logger,
        trustSignIns: name === "identity",
      });
      dataSources.push(dataSource);
      return dataSource;
    },
  });
  const masker = createErrorMasker({
    traceId: currentTraceId,
    onUnexpected: (err, traceId) => logger.error({ err, traceId }, "unexpected error"),
  });
  const apollo = new ApolloServer<GatewayContext>({
    // boot() owns SIGTERM: Apollo's own handler would stop the server under requests in flight and re-raise the signal.
    stopOnTerminationSignals: false,
    // @authenticated / @requiresScopes: denied fields are removed before planning and come back null with an error.
    gateway: authorizeGateway(gateway),
    // Introspection is refused by our own coded rule (operationLimitRules) outside development;
    // Apollo's switch would add a second, uncoded error.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !development,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Automatic persisted queries in the shared store, so every instance knows a registered hash.
    persistedQueries: apqOptions(cache),
    parseOptions: parseOptionsFor(limits),
    validationRules: operationLimitRules(limits, { introspection: development }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The gateway's own operations (warm-up, live lookups) carry no client and are not requests.
      metricsPlugin<GatewayContext>(metrics, { skip: (context) => context.client === undefined }),
      persistedOperationsPlugin(persisted),
      rateLimitPlugin(rateLimiter, limits),
      {
        // Cost depends on variables (`first: $n`), so it is checked per request, not per document.
        async requestDidStart() {
          return {
            async didResolveOperation({ schema, document, request }) {
              const error = checkOperationCost(schema, document, {
                operationName: request.operationName,
                variables: request.variables,
                limits,
              });
              if (error) throw error;
            },
          };
        },
      },
    ],
    // Limit codes are restored after masking: Apollo files every validation error under one code.
    formatError: (formatted, error) => refineLimitError(masker(formatted, error), error),
  });
  await apollo.start();
  await warmUpPersistedDocuments(apollo, persisted, createGatewayContext(anonymousCaller, "warm-up", signer), logger);
  const identityUrl = subgraphs.identity;
  let auth: GatewayAuthenticator;
  try {
    auth = await startGatewayAuthenticator({ ...options, identityUrl, signer, logger });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  const { authenticator } = auth;
  // Failed API keys are counted per IP, and an IP over its limit is refused before identity is asked.
  const guardedAuthenticator = guardApiKeys(authenticator, rateLimiter, (req) => clientInfoOf(req, options.trustProxy ?? false));
  // What clients' operations run as; the gateway's own (upload completion) use guardedAuthenticator.
  const clientAuthenticator = persistedOnly ? holdToManifest(guardedAuthenticator) : guardedAuthenticator;

  /** Runs an operation through the same federated path as HTTP requests, as `caller`. */
  const executeAs = async (
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | undefined,
    caller: Caller,
    traceId: string,
    client?: ClientInfo,
  ): Promise<FormattedExecutionResult> => {
    const response = await apollo.executeOperation(
      { query: document, variables, operationName },
      { contextValue: createGatewayContext(caller, traceId, signer, client) },
    );
    if (response.body.kind !== "single") return { errors: [{ message: "incremental delivery is not supported here" }] };
    return response.body.singleResult;
  };

  const webApp = webAppRoute({ dir: webDistDir, logger });
  // Private iCalendar feeds (README "Calendar feeds"): the secret in the path is the credential.
  const calendarFeeds = calendarFeedRoute({
    ownerOf: async (secret) => (identityUrl ? calendarFeedOwner(secret, { url: identityUrl, signer }) : null),
    execute: (document, variables, caller, traceId) => executeAs(document, variables, undefined, caller, traceId, {}),
    limiter: rateLimiter,
    fetchesPerIp: options.calendarFeedFetchesPerIp,
    clientOf: (req) => clientInfoOf(req, options.trustProxy ?? false),
    now: () => (options.clock ?? systemClock).now(),
    logger,
  });

  const http = await serveGraphQL({
    apollo,
    host: options.host,
    port: options.port,
    maxBodyBytes: options.maxBodyBytes,
    prepareRequest: (request) => preparePersistedRequest(request, persisted),
    beforeRoute: corsHook(corsOrigins),
    onRefused: (code) => {
      metrics.recordError(code);
      metrics.recordRequest("unknown", "unknown", "error");
    },
    context: async (req) => {
      const traceId = currentTraceId() ?? "none";
      try {
        return createGatewayContext(
          await clientAuthenticator.authenticate(req),
          traceId,
          signer,
          clientInfoOf(req, options.trustProxy ?? false),
        );
      } catch (error) {
        if (error instanceof GraphQLError) throw error;
        logger.warn({ err: error }, "authentication failed");
        throw new GraphQLError("authentication failed", { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
      }
    },
    // The web app at `/` and its own routes; the API stays at /graphql.
    fallback: (req, res) => (req.url?.startsWith(CALENDAR_PATH_PREFIX) ? calendarFeeds(req, res) : webApp(req, res)),
    routes: {
      // GraphiQL at /explorer in development only.
      ...(development ? createExplorer({ logger }).routes : {}),
      "/health": (_req, res) => sendJson(res, 200, { status: "ok" }),
      [FILES_PATH]: fileDownloadRoute({ ...files, now: () => (options.clock ?? systemClock).now(), logger }),
      [UPLOADS_PATH]: receiptUploadRoute({
        ...files,
        cache,
        now: () => (options.clock ?? systemClock).now(),
        authenticate: (req) => guardedAuthenticator.authenticate(req),
        complete: (caller, receiptId) =>
          executeAs(COMPLETE_RECEIPT_UPLOAD, { id: receiptId }, undefined, caller, currentTraceId() ?? randomUUID(), {}),
        logger,
      }),
      // SMS delivery status from the provider, checked and recorded by insights.
      [SMS_STATUS_PATH]: smsStatusForwardRoute({ insightsUrl: () => subgraphs.insights ?? options.subgraphUrls?.insights, logger }),
      "/metrics": async (_req, res) => {
        const { contentType, body } = await metrics.scrape();
        res.writeHead(200, { "content-type": contentType });
        res.end(body);
      },
      "/ready": async (_req, res) => {
        const checks = await Promise.all(Object.entries(subgraphs).map(async ([name, url]) => [name, await subgraphReady(url)] as const));
        const ready = checks.every(([, ok]) => ok);
        sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "unavailable", subgraphs: Object.fromEntries(checks) });
      },
    },
  });
  let live: LiveServer | undefined;
  let bridge: LiveBridge | undefined;
  const liveFields = liveFieldsOf(supergraphSdl);
  if (options.bus && liveFields.length > 0) {
    bridge = new LiveBridge({
      bus: options.bus,
      fields: liveFields,
      logger,
      groupId: `gateway.live.${randomUUID()}`,
      // A lookup is the gateway's own operation, not the client's: the subscription itself was held
      // to the manifest when it was opened (safelist keys, persisted-only gateways).
      execute: (document, variables, caller, traceId) =>
        executeAs(document, variables, undefined, { ...caller, safelistOnly: false }, traceId),
    });
    await bridge.start();
    live = startLiveServer({
      server: http.server,
      path: "/graphql",
      schema: apiSchema,
      bridge,
      liveFields,
      authenticator: clientAuthenticator,
      documents: persisted,
      requirements: extractRequirements(supergraphSdl),
      validationRules: operationLimitRules(limits, { introspection: development }),
      maxTokens: limits.maxTokens,
      now: options.clock ? () => options.clock!.now().getTime() : undefined,
      admitSubscription: async (request) =>
        safelistRefusal(persisted, request.caller, request.query) ??
        (await chargeSubscription(rateLimiter, limits, { ...request, schema: apiSchema })),
      logger,
      execute: (document, variables, operationName, caller) => executeAs(document, variables, operationName, caller, randomUUID(), {}),
    });
  }

  metrics.setLiveSource({
    sockets: () => live?.stats().sockets ?? 0,
    subscriptions: () => live?.stats().subscriptions ?? 0,
    lastEventLagMs: () => bridge?.stats.lastEventLagMs ?? 0,
    events: () => bridge?.stats.events ?? 0,
    deliveries: () => bridge?.stats.deliveries ?? 0,
    resolutions: () => bridge?.stats.resolutions ?? 0,
  });
  logger.info({ url: http.url, live: liveFields.map((f) => f.name) }, "gateway ready");
  return {
    ...http,
    subgraphs,
    liveStats: () => live?.stats() ?? { sockets: 0, subscriptions: 0 },
    metrics,
    close: async () => {
      // Stop listening first, so clients told to reconnect (1012) reach another instance, not this one.
      const drained = http.close();
      await live?.close();
      await bridge?.stop();
      await drained;
      await auth.close();
      await apollo.stop();
      for (const dataSource of dataSources) dataSource.close();
      if (!options.cache) await cache.close();
    },
  };
}
