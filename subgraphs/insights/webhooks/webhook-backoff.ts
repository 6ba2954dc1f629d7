/** How retries are spaced: exponential from `baseMs`, capped, with full jitter, within a window. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Retries stop this long after the delivery was queued; it is then FAILED. */
  windowMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 30_000, maxMs: 3_600_000, windowMs: 24 * 3_600_000 });

/**
 * The wait after failed attempt number `attempt` (1-based): uniform in [0, min(max, base·2^(attempt-1))]
 * ("full jitter"), so endpoints that fail together do not retry together. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random() * (ceiling + 1));
}

/** When to try again, or null when the next try would fall past the window (the delivery has failed). */
export function nextAttemptAt(
  attempt: number,
  queuedAt: Date,
  now: Date,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempt, policy, random));
  return next.getTime() > queuedAt.getTime() + policy.windowMs ? null : next;
}
