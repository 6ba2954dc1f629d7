/**
 * Rate limits in cost units per window, per user, per API key and per anonymous IP, in the shared
 * store; plus a per-IP throttle on failed API keys.
 */
export { DEFAULT_RATE_LIMITS, RATE_LIMITS_ENV, loadRateLimits, type RateLimits } from "./rate-limit.config.js";
export { RateLimiter, type RateLimitBucket, type RateLimitRefusal, type RateLimiterOptions } from "./rate-limiter.js";
export { chargeSubscription, rateLimitPlugin } from "./rate-limit.plugin.js";
export { rateLimitedError, rateLimitedResponse } from "./errors.js";
export { guardApiKeys } from "./api-key-guard.js";
