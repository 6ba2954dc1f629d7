import type { IncomingMessage } from "node:http";

import { GraphQLError } from "graphql";

import type { ClientInfo } from "../../platform/auth/caller.js";
import type { Authenticator } from "../auth/authenticator.js";
import { rateLimitedError } from "./errors.js";
import type { RateLimiter } from "./rate-limiter.js";

/**
 * Throttles API-key guessing per IP: each refused `x-api-key` is counted, and an IP over its
 * limit is answered RATE_LIMITED from memory, without asking identity. Requests without an API
 * key cost nothing extra; a failed attempt costs one shared counter increment.
 */
export function guardApiKeys(
  authenticator: Authenticator,
  limiter: RateLimiter,
  clientOf: (req: IncomingMessage) => ClientInfo,
): Authenticator {
  if (limiter.limits.failedApiKeysPerIp === 0) return authenticator;
  return {
    async authenticate(req) {
      if (req.headers["x-api-key"] === undefined) return authenticator.authenticate(req);
      const ip = clientOf(req).ip;
      if (!ip) return authenticator.authenticate(req);
      const blocked = limiter.failedApiKeyBlock(ip);
      if (blocked !== undefined) throw rateLimitedError({ retryAfterSeconds: blocked });
      try {
        return await authenticator.authenticate(req);
      } catch (error) {
        // Only a refused credential counts: identity being down is not the caller's failure.
        if (error instanceof GraphQLError && error.extensions.code === "UNAUTHENTICATED") await limiter.recordFailedApiKey(ip);
        throw error;
      }
    },
  };
}
