export { assertIdempotencyKey, IDEMPOTENCY_RETENTION_MS, IdempotencyKeys, requestHash } from "./idempotency-keys.js";
export { PlatformIdempotencyKeys1796526000000 } from "./idempotency-keys.migration.js";
export { type ScheduledPurge, scheduleIdempotencyPurge } from "./purge-schedule.js";
