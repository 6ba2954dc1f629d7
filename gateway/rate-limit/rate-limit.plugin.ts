import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, GraphQLSchema } from "graphql";

import type { Caller } from "../../platform/auth/caller.js";
import type { ClientError } from "../../platform/errors/errors.js";
import type { GatewayContext } from "../context.js";
import { type ListSizeLimits, operationCost } from "../limits/index.js";
import { rateLimitedError, rateLimitedResponse } from "./errors.js";
import type { RateLimiter } from "./rate-limiter.js";

/**
 * Charges each client operation its cost, with the variables it was sent with, to the caller's
 * bucket. Runs in `responseForOperation`: after every `didResolveOperation` check passed (the cost
 * ceiling, the safelist) and before execution, so a refused operation runs nothing. A request that
 * never got that far (unparsable, invalid, refused by a check, an APQ miss) still costs one unit,
 * charged after its answer, so a flood of bad requests uses up the budget too. Operations without a
 * client (live-update lookups, the warm-up) are not charged.
 */
export function rateLimitPlugin(limiter: RateLimiter, limits: ListSizeLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const bucket = contextValue.client && limiter.bucketFor(contextValue.caller, contextValue.client);
      if (!bucket) return undefined;
      let charged = false;
      return {
        async responseForOperation({ schema, document, request }) {
          charged = true;
          const cost = operationCost(schema, document, { operationName: request.operationName, variables: request.variables, limits });
          const refusal = await limiter.charge(bucket, cost);
          return refusal ? rateLimitedResponse(refusal) : null;
        },
        async willSendResponse() {
          // Not awaited: the answer is ready, and charge() never rejects.
          if (!charged) void limiter.charge(bucket, 1);
        },
      };
    },
  };
}

/**
 * The graphql-ws subscribe step, which Apollo never sees: a subscription is charged its cost once,
 * when it starts (its updates are the gateway's own lookups). Returns the error to answer with.
 */
export async function chargeSubscription(
  limiter: RateLimiter,
  limits: ListSizeLimits,
  request: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null;
    variables?: Record<string, unknown> | null;
    caller: Caller;
  },
): Promise<ClientError | undefined> {
  // graphql-ws callers are always signed in, so the bucket never needs the address.
  const bucket = limiter.bucketFor(request.caller, {});
  if (!bucket) return undefined;
  const cost = operationCost(request.schema, request.document, {
    operationName: request.operationName,
    variables: request.variables,
    limits,
  });
  const refusal = await limiter.charge(bucket, cost);
  return refusal ? rateLimitedError(refusal) : undefined;
}
