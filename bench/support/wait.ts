export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns a value, for at most `timeoutMs`; the last error is named on timeout. */
export async function until<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined> | T | undefined,
  everyMs = 100,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms${lastError ? ` (${(lastError as Error).message})` : ""}`);
    await sleep(everyMs);
  }
}

/** `work` over every item, at most `concurrency` at a time; results in the items' order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Elapsed time and progress notes on stderr for a run. `limitMs`: how long the run may take at all
 * (access tokens live 15 minutes; sockets close when theirs expires), checked with `checkTime`.
 */
export function runClock(limitMs = Infinity) {
  const started = performance.now();
  const elapsedS = () => ((performance.now() - started) / 1000).toFixed(0);
  return {
    elapsedS,
    note: (text: string) => void process.stderr.write(`  [${elapsedS()} s] ${text}\n`),
    checkTime: (what: string) => {
      if (performance.now() - started > limitMs)
        throw new Error(`out of time (${limitMs / 60_000} min: access tokens would expire) during ${what}`);
    },
  };
}

/** `count` runs of `request` one after another, after `warmUp` untimed ones; what each timed run reports (its ms). */
export async function timeSequential(count: number, warmUp: number, request: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await request();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await request());
  return samples;
}
