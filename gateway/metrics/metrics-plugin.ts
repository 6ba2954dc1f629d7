import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { getOperationAST, type GraphQLFormattedError } from "graphql";

import type { GatewayMetrics, OperationType, Outcome } from "./gateway-metrics.js";

/** A GraphQL name; anything else a client sends as `operationName` is not used as a label. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export interface MetricsPluginOptions<TContext> {
  /** Operations the gateway runs for itself (boot-time warm-up, live-update lookups) are not client requests. */
  skip?(context: TContext): boolean;
}

/**
 * Feeds `GatewayMetrics` from Apollo Server: one duration sample and one request count per
 * operation, and one error count per error as the client receives it (after masking, so codes are
 * the ones clients see). Requests refused while building the context (bad credentials) or before
 * the pipeline (malformed requests) count too.
 */
export function metricsPlugin<TContext extends BaseContext>(
  metrics: GatewayMetrics,
  options: MetricsPluginOptions<TContext> = {},
): ApolloServerPlugin<TContext> {
  const countErrors = (errors: readonly GraphQLFormattedError[] | undefined) => {
    if (!errors) return;
    for (const error of errors) {
      const code = error.extensions?.code;
      metrics.recordError(typeof code === "string" ? code : "UNKNOWN");
    }
  };
  const finish = (started: number, context: GraphQLRequestContextWillSendResponse<TContext>) => {
    const { response, operation } = context;
    let outcome: Outcome = "success";
    if (response.body.kind === "single") {
      const { errors, data } = response.body.singleResult;
      if (errors && errors.length > 0) outcome = data ? "partial" : "error";
      countErrors(errors);
    }
    let name = context.operationName;
    if (!operation) {
      // A document that failed validation has no resolved operation, but its name still says which one failed.
      const sent = context.request.operationName;
      name =
        (context.document ? getOperationAST(context.document, sent)?.name?.value : undefined) ?? (sent && NAME.test(sent) ? sent : null);
    }
    const type: OperationType = operation?.operation ?? "unknown";
    metrics.recordRequest(name, type, outcome, (performance.now() - started) / 1000);
  };

  return {
    async contextCreationDidFail({ error }) {
      // Apollo answers these without a request pipeline: no operation is known yet.
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      metrics.recordError(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
      metrics.recordRequest("unknown", "unknown", "error");
    },
    async invalidRequestWasReceived() {
      // Malformed HTTP-level GraphQL requests (no query, CSRF preflight missing, bad method).
      metrics.recordError("BAD_REQUEST");
      metrics.recordRequest("unknown", "unknown", "error");
    },
    async requestDidStart({ contextValue }) {
      if (options.skip?.(contextValue)) return;
      const started = performance.now();
      return {
        async willSendResponse(context) {
          finish(started, context);
        },
      };
    },
  };
}
