import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import { INTERNAL_TOKEN_HEADER } from "../platform/auth/internal-token.js";
import { TRACE_HEADER } from "../platform/logging/trace.js";
import type { GatewayContext } from "./context.js";

/**
 * Calls one subgraph with the gateway-signed caller token and the trace id. Nothing the client sent
 * is forwarded: subgraphs learn who is calling only from the signed token.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string) {
    // Node's fetch keeps connections alive and pools them per origin.
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    // Health checks and schema loading have no client context; they go out anonymous.
    const token = "internalToken" in context && context.internalToken ? await context.internalToken() : undefined;
    if (token) headers.set(INTERNAL_TOKEN_HEADER, token);
    if ("traceId" in context && typeof context.traceId === "string") headers.set(TRACE_HEADER, context.traceId);
  }
}
