import { type OutgoingHttpHeaders, STATUS_CODES } from "node:http";

import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";

import { INTERNAL_TOKEN_HEADER } from "../platform/auth/internal-token.js";
import { SIGNED_IN_EXTENSION, signedInCallerOf } from "../platform/auth/signed-in.js";
import { ClientError, ErrorCode } from "../platform/errors/index.js";
import { TRACE_HEADER } from "../platform/logging/trace.js";
import type { GatewayContext } from "./context.js";
import type { GatewayMetrics } from "./metrics/index.js";
import { InflightFetches } from "./upstream/inflight.js";
import {
  DEFAULT_UPSTREAM_TIMEOUT_MS,
  KeepAliveClient,
  type KeepAliveClientOptions,
  type PlainResponse,
  UpstreamError,
} from "./upstream/keep-alive-client.js";

export interface SubgraphDataSourceOptions {
  /** Subgraph name, for metrics and error messages. */
  name?: string;
  metrics?: GatewayMetrics;
  /**
   * Shared by every subgraph of one gateway, so a caller's mutation on one subgraph stops reads
   * on all of them from joining older fetches. `false` turns deduplication off.
   */
  inflight?: InflightFetches<PlainResponse> | false;
  http?: KeepAliveClientOptions;
  /**
   * This subgraph (identity, and only it) may report a sign-in with the `monetaSignedIn` response
   * extension; the rest of the request's plan then runs as the user it names.
   */
  trustSignIns?: boolean;
  /** Told about timeouts: the client gets a client-safe error, so the masker logs nothing. */
  logger?: Logger;
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>["process"]>>;

const MUTATION = /^\s*mutation\b/;

/**
 * Calls one subgraph with the gateway-signed caller token and the trace id. Nothing the client sent
 * is forwarded: subgraphs learn who is calling only from the signed token.
 *
 * A lean `GraphQLDataSource` rather than `RemoteGraphQLDataSource`: pooled keep-alive node:http
 * connections per subgraph (see `KeepAliveClient`), one JSON.stringify out and one JSON.parse in,
 * no fetch-API objects, and identical concurrent reads by one caller sharing a fetch.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly client: KeepAliveClient;
  private readonly path: string;
  private readonly name: string;
  private readonly fetchDuration;
  private readonly sharedFetches;
  private readonly inflight: InflightFetches<PlainResponse> | undefined;
  private readonly trustSignIns: boolean;
  private readonly timeoutMs: number;
  private readonly logger: Logger | undefined;

  constructor(
    readonly url: string,
    options: SubgraphDataSourceOptions = {},
  ) {
    const parsed = new URL(url);
    this.client = new KeepAliveClient(parsed, options.http);
    this.path = `${parsed.pathname}${parsed.search}`;
    this.name = options.name ?? parsed.host;
    this.fetchDuration = options.metrics?.subgraphFetch(this.name);
    this.sharedFetches = options.metrics?.subgraphFetchesShared.labels(this.name);
    this.timeoutMs = options.http?.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
    this.logger = options.logger;
    this.inflight = options.inflight === false ? undefined : (options.inflight ?? new InflightFetches<PlainResponse>());
    this.trustSignIns = options.trustSignIns ?? false;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const query = request.query;
    if (!query) throw new Error("Missing query");
    // Health checks and schema loading have no client context; they go out anonymous.
    const context = options.context as Partial<GatewayContext>;
    const token = context.internalToken ? await context.internalToken() : undefined;
    const headers: OutgoingHttpHeaders = { "content-type": "application/json", accept: "application/json" };
    if (token) headers[INTERNAL_TOKEN_HEADER] = token;
    if (typeof context.traceId === "string") headers[TRACE_HEADER] = context.traceId;
    const body = JSON.stringify({
      query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });

    const mutation = MUTATION.test(query);
    let response: PlainResponse;
    try {
      if (mutation || !token || !this.inflight) {
        response = await this.fetch(headers, body, !mutation);
        if (mutation && token) this.inflight?.forgetCaller(token);
      } else {
        const { result, shared } = this.inflight.run(token, `${this.url}\u0000${body}`, () => this.fetch(headers, body, true));
        if (shared) this.sharedFetches?.inc();
        response = await result;
      }
    } catch (error) {
      if (!(error instanceof UpstreamError && error.code === "ETIMEDOUT")) throw error;
      if (mutation && token) this.inflight?.forgetCaller(token);
      // What the client asked for decides the advice: the entity fetches that follow a mutation
      // are queries, but the client still sent a write.
      const operation = "incomingRequestContext" in options ? options.incomingRequestContext.operation?.operation : undefined;
      this.logger?.warn(
        { subgraph: this.name, timeoutMs: this.timeoutMs, operation: operation ?? (mutation ? "mutation" : "query") },
        "subgraph did not answer in time",
      );
      throw upstreamTimeout(this.name, this.timeoutMs, operation === "mutation" || (operation === undefined && mutation));
    }

    if (response.status < 200 || response.status > 299) {
      const code = response.status === 401 ? "UNAUTHENTICATED" : response.status === 403 ? "FORBIDDEN" : undefined;
      // The subgraph's body stays in the gateway: it may say more than a client should read.
      throw new GraphQLError(`${response.status}: ${STATUS_CODES[response.status] ?? "error"}`, { extensions: code ? { code } : {} });
    }
    let result: unknown;
    try {
      result = JSON.parse(response.body);
    } catch {
      throw new Error(`subgraph ${this.name} answered with a body that is not JSON`);
    }
    if (result === null || typeof result !== "object" || Array.isArray(result))
      throw new Error(`subgraph ${this.name} answered with a JSON body that is not an object`);
    if ("incomingRequestContext" in options)
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, response.headers["cache-control"]);
    this.takeSignIn(result as GatewayGraphQLResponse, mutation ? context : undefined);
    return result as GatewayGraphQLResponse;
  }

  /**
   * Removes the sign-in extension from every subgraph's answer (clients never see it) and, from a
   * trusted subgraph's mutation only, switches the request to the user it names. Any other
   * subgraph claiming a sign-in is ignored.
   */
  private takeSignIn(result: GatewayGraphQLResponse, mutationContext: Partial<GatewayContext> | undefined): void {
    const extensions = result.extensions;
    if (!extensions || !(SIGNED_IN_EXTENSION in extensions)) return;
    const signedIn = signedInCallerOf(extensions);
    const { [SIGNED_IN_EXTENSION]: _taken, ...rest } = extensions;
    if (Object.keys(rest).length > 0) result.extensions = rest;
    else delete result.extensions;
    if (this.trustSignIns && signedIn && mutationContext?.signIn) mutationContext.signIn(signedIn);
  }

  /** Drops pooled connections (gateway shutdown). */
  close(): void {
    this.client.close();
  }

  private async fetch(headers: OutgoingHttpHeaders, body: string, idempotent: boolean): Promise<PlainResponse> {
    const started = performance.now();
    try {
      return await this.client.post(this.path, headers, body, idempotent);
    } finally {
      this.fetchDuration?.observe((performance.now() - started) / 1000);
    }
  }
}

/**
 * The gateway stopped waiting, but the subgraph was not told to stop: a write may still commit.
 * Client-safe, so masking keeps the code and the advice instead of INTERNAL_SERVER_ERROR.
 */
function upstreamTimeout(serviceName: string, timeoutMs: number, write: boolean): ClientError {
  const waited = `${serviceName} did not answer within ${timeoutMs} ms`;
  const message = write
    ? `${waited}. The mutation may still complete: check its result before sending it again.`
    : `${waited}. The operation may still complete; a query changes nothing, so it is safe to retry.`;
  return new ClientError(ErrorCode.UPSTREAM_TIMEOUT, message, { serviceName, timeoutMs, retryable: !write });
}

/** As RemoteGraphQLDataSource does: the response is no more cacheable than any subgraph said. */
function restrictCachePolicy(policy: unknown, header: string | undefined): void {
  if (!policy || typeof (policy as { restrict?: unknown }).restrict !== "function") return;
  const hint: { maxAge: number; scope?: "PUBLIC" | "PRIVATE" } = { maxAge: 0 };
  if (header) {
    const maxAge = /(?:^|,)\s*max-age=(\d+)/i.exec(header);
    if (maxAge) hint.maxAge = Number(maxAge[1]);
    if (/(?:^|,)\s*private\b/i.test(header)) hint.scope = "PRIVATE";
    else if (/(?:^|,)\s*public\b/i.test(header)) hint.scope = "PUBLIC";
  }
  (policy as { restrict(hint: object): void }).restrict(hint);
}
