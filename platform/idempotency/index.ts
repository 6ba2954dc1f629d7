export { IdempotencyKeys, IDEMPOTENCY_RETENTION_MS, assertIdempotencyKey, requestHash } from "./idempotency-keys.js";
export { PlatformIdempotencyKeys1796526000000 } from "./idempotency-keys.migration.js";
export { scheduleIdempotencyPurge, type ScheduledPurge } from "./purge-schedule.js";
