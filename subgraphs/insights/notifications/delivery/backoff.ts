/** First retry within 30 s, doubling, never more than 6 hours apart. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 6 * 3_600_000;
/** Attempts (sends tried) before a delivery is FAILED for good. */
export const MAX_ATTEMPTS = 8;

/**
 * Exponential backoff with full jitter: uniformly anywhere from 0 to min(cap, base·2^(n−1)), so
 * many deliveries that failed together (a mail server down) do not come back together.
 * `random` is in [0, 1).
 */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, attempt - 1), 30));
  return Math.floor(random() * ceiling);
}
