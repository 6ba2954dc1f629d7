/**
 * Rate limits in cost units per window, per user, per API key and per anonymous IP, in the shared
 * store; plus a per-IP throttle on failed API keys.
 */
export { guardApiKeys } from "./api-key-guard.js";
export { rateLimitedError, rateLimitedResponse } from "./errors.js";
export { DEFAULT_RATE_LIMITS, loadRateLimits, RATE_LIMITS_ENV, type RateLimits } from "./rate-limit.config.js";
export { chargeSubscription, rateLimitPlugin } from "./rate-limit.plugin.js";
export { type RateLimitBucket, RateLimiter, type RateLimiterOptions, type RateLimitRefusal } from "./rate-limiter.js";
