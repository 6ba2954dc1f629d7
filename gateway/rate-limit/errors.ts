import { type GraphQLResponse, HeaderMap } from "@apollo/server";

import { ClientError, ErrorCode } from "../../platform/errors/errors.js";
import type { RateLimitRefusal } from "./rate-limiter.js";

const MESSAGE = "Rate limit exceeded; retry after the time in retryAfterSeconds.";

/** HTTP 429 with `Retry-After`, for refusals raised as errors (authentication, graphql-ws). */
export function rateLimitedError(refusal: Pick<RateLimitRefusal, "retryAfterSeconds"> & Partial<RateLimitRefusal>): ClientError {
  const { retryAfterSeconds, limit, cost } = refusal;
  return new ClientError(ErrorCode.RATE_LIMITED, MESSAGE, {
    retryAfterSeconds,
    ...(limit === undefined ? {} : { limit }),
    ...(cost === undefined ? {} : { cost }),
    http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) },
  });
}

/**
 * The same refusal as a finished response, for `responseForOperation` (which bypasses error
 * formatting, so this is written already formatted).
 */
export function rateLimitedResponse(refusal: RateLimitRefusal): GraphQLResponse {
  return {
    http: { status: 429, headers: new HeaderMap([["retry-after", String(refusal.retryAfterSeconds)]]) },
    body: {
      kind: "single",
      singleResult: {
        errors: [
          {
            message: MESSAGE,
            extensions: {
              code: ErrorCode.RATE_LIMITED,
              retryAfterSeconds: refusal.retryAfterSeconds,
              limit: refusal.limit,
              cost: refusal.cost,
            },
          },
        ],
      },
    },
  };
}
