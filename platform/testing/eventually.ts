/**
 * Polls an assertion until it passes or the deadline ends, then rethrows its last failure. The
 * default deadline covers a Kafka consumer-group rebalance: test files running at once share their
 * consumer groups, and a partition can wait for a departing member up to the 30 s session timeout.
 */
export async function eventually<T>(check: () => T | Promise<T>, { timeoutMs = 30_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
