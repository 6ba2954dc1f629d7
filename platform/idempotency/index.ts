export { assertIdempotencyKey, IDEMPOTENCY_RETENTION_MS, IdempotencyKeys, requestHash } from "./idempotency-keys.js";
export { PlatformIdempotencyKeys1796526000000 } from "./idempotency-keys.migration.js";
export { IDEMPOTENCY_PURGE_EVERY_MS, type ScheduledPurge, scheduleIdempotencyPurge } from "./purge-schedule.js";
