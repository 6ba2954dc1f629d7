import { summarize } from "../stats.js";

/**
 * `total` requests spread over `clients` concurrent loops (`read` is told which loop asks, so each
 * can read as its own user); the latency of each, requests per second, and how many answered wrong.
 */
export async function reads(clients: number, total: number, read: (client: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let bad = 0;
  let left = total;
  const begun = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (left-- > 0) {
        const t = performance.now();
        const good = await read(client).catch(() => false);
        latencies.push(performance.now() - t);
        if (!good) bad++;
      }
    }),
  );
  return { ...summarize(latencies), perSecond: total / ((performance.now() - begun) / 1000), bad };
}
