/**
 * The measuring side of a live fan-out: open subscribers in batches until the gateway counts them,
 * send one mutation, and time, per subscriber, the first frame that shows its effect.
 */
import { summarize } from "../stats.js";
import { sleep, until } from "../support/wait.js";
import { LiveSocket } from "./client.js";
import type { GatewayProcess, LiveStatsReply } from "./process.js";

export interface Subscriber {
  token: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface OpenOptions {
  wsUrl: string;
  /** Sockets opened at once. */
  batch: number;
  /** Who the socket at this index (counting those already open) subscribes as, and to what. */
  subscriber: (index: number) => Subscriber;
  /** Before each batch: a chance to check the time or refresh a token. */
  beforeBatch?: () => Promise<void> | void;
  openTimeoutMs?: number;
}

/** Resolves once the gateway counts `n` subscriptions; throws as soon as any socket closed unexpectedly. */
export function subscriptionsAre(
  gateway: GatewayProcess,
  sockets: readonly LiveSocket[],
  n: number,
  timeoutMs: number,
): Promise<LiveStatsReply> {
  return until(
    `gateway counting ${n} subscriptions`,
    timeoutMs,
    async () => {
      const stats = await gateway.stats();
      const lost = sockets.filter((s) => s.unexpectedlyClosed);
      if (lost.length > 0) throw new Error(`${lost.length} sockets closed (first: ${JSON.stringify(lost[0]!.unexpectedlyClosed)})`);
      return stats.subscriptions === n ? stats : undefined;
    },
    100,
  );
}

/** Opens `count` more sockets into `sockets`, one subscription each; resolves once the gateway counts them all. */
export async function openMore(
  gateway: GatewayProcess,
  sockets: LiveSocket[],
  count: number,
  options: OpenOptions,
): Promise<LiveStatsReply> {
  for (let opened = 0; opened < count; opened += options.batch) {
    await options.beforeBatch?.();
    const first = sockets.length;
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(options.batch, count - opened) }, (_, i) => {
        const { token, query, variables } = options.subscriber(first + i);
        return LiveSocket.open(options.wsUrl, token, query, variables, options.openTimeoutMs ?? 30_000);
      }),
    );
    // Opened ones are kept (and closed at clean-up) even when others in the batch failed.
    for (const r of batch) if (r.status === "fulfilled") sockets.push(r.value);
    const failed = batch.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed.length > 0)
      throw new Error(
        `${failed.length} of ${batch.length} sockets failed to open with ${sockets.length} open: ${(failed[0]!.reason as Error).message}`,
      );
  }
  return subscriptionsAre(gateway, sockets, sockets.length, 120_000);
}

/** The first `next` frame from `from` on whose data `wanted` accepts, or undefined. */
export const firstWanted = (socket: LiveSocket, wanted: (data: any) => boolean, from = 0) =>
  socket.parse(from).find((m) => m.type === "next" && wanted(m.data));

export interface FanOut {
  /** Subscribers that got a wanted frame in time. */
  received: number;
  first: number;
  p50: number;
  p99: number;
  max: number;
  /** Frames that arrived before the mutation's response (counted as they are). */
  negative: number;
  /** The mutation's own round trip. */
  mutationMs: number;
}

/**
 * Clears what the sockets received so far, runs `mutate` (resolving when its HTTP response has
 * arrived, with that time and the mutation's round trip), then waits up to `timeoutMs` for every
 * socket's first frame `wanted` accepts. Latency = that frame's arrival − the response's.
 */
export async function measureFanOut(
  sockets: readonly LiveSocket[],
  mutate: () => Promise<{ at: number; ms: number }>,
  wanted: (data: any) => boolean,
  timeoutMs: number,
): Promise<FanOut> {
  for (const socket of sockets) socket.receipts = [];
  const { at: respondedAt, ms: mutationMs } = await mutate();
  const firstAt = new Array<number | undefined>(sockets.length).fill(undefined);
  const scanned = new Array<number>(sockets.length).fill(0);
  let received = 0;
  const deadline = performance.now() + timeoutMs;
  while (received < sockets.length && performance.now() < deadline) {
    // Cheap check first: parse only once every socket has at least one new frame, or near the deadline.
    const everyone = sockets.every((s, i) => firstAt[i] !== undefined || s.receipts.length > scanned[i]!);
    if (everyone || performance.now() > deadline - 1_000) {
      sockets.forEach((socket, i) => {
        if (firstAt[i] !== undefined || socket.receipts.length === scanned[i]) return;
        const frame = firstWanted(socket, wanted, scanned[i]);
        scanned[i] = socket.receipts.length;
        if (frame) {
          firstAt[i] = frame.at;
          received++;
        }
      });
    }
    if (received < sockets.length) await sleep(20);
  }
  const latencies = firstAt.filter((t): t is number => t !== undefined).map((t) => t - respondedAt);
  const stats = summarize(latencies);
  return {
    received,
    first: latencies.reduce((a, b) => Math.min(a, b), Infinity),
    p50: stats.p50,
    p99: stats.p99,
    max: stats.max,
    negative: latencies.filter((l) => l < 0).length,
    mutationMs,
  };
}

/**
 * The whole path once before measuring (the gateway's consumer joined, code compiled): one
 * subscriber opened with `open`, one `measure`, then nothing open again. Answers the update's latency.
 */
export async function warmUp(
  gateway: GatewayProcess,
  sockets: LiveSocket[],
  open: (count: number) => Promise<unknown>,
  measure: () => Promise<FanOut>,
): Promise<number> {
  await open(1);
  const warm = await measure();
  if (warm.received !== 1) throw new Error("warm-up: no update arrived");
  await LiveSocket.closeAll(sockets.splice(0));
  await subscriptionsAre(gateway, sockets, 0, 30_000);
  return warm.first;
}
