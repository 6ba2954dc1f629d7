/**
 * An open-loop load at a fixed rate per kind of request, for `npm run bench:soak`: request i of a
 * kind is sent at start + i / rate whatever the earlier ones are doing (a closed loop would slow
 * down with the server and hide a slowdown). Each outcome lands in the bucket of the minute it
 * was sent in. A kind with `maxInFlight` requests unanswered sheds the next one (counted), so a
 * stalled server cannot grow this process without bound.
 */
import { summarize } from "../stats.js";
import { sleep } from "../support/wait.js";

export interface LoadKind {
  name: string;
  perSecond: number;
  /** Sends request `seq` of this kind; resolves when it succeeded, throws when it failed. */
  send: (seq: number) => Promise<void>;
}

export interface KindMinute {
  ok: number;
  errors: number;
  shed: number;
  latencies: number[];
}

/** What was sent in each minute, by kind; the first error message of each kind is kept. */
export class Recorder {
  readonly minutes: Array<Map<string, KindMinute>> = [];
  readonly firstErrors = new Map<string, string>();

  /** performance.now() when the load began; undefined before. */
  startedAt?: number;

  /** The minute (from 0) `at` falls in; -1 before the load began. */
  minuteOf(at: number): number {
    return this.startedAt === undefined ? -1 : Math.floor((at - this.startedAt) / 60_000);
  }

  bucket(minute: number, kind: string): KindMinute {
    while (this.minutes.length <= minute) this.minutes.push(new Map());
    const byKind = this.minutes[minute]!;
    let entry = byKind.get(kind);
    if (!entry) byKind.set(kind, (entry = { ok: 0, errors: 0, shed: 0, latencies: [] }));
    return entry;
  }

  /** One minute's figures over the kinds accepted by `which` (all by default). */
  summary(minute: number, which: (kind: string) => boolean = () => true) {
    const entries = [...(this.minutes[minute]?.entries() ?? [])].filter(([kind]) => which(kind)).map(([, e]) => e);
    const latencies = entries.flatMap((e) => e.latencies);
    const sum = (key: "ok" | "errors" | "shed") => entries.reduce((n, e) => n + e[key], 0);
    return { ok: sum("ok"), errors: sum("errors"), shed: sum("shed"), ...summarize(latencies) };
  }
}

/** Sends every kind at its rate until `durationMs` after `startedAt`; resolves once all answers are in. */
export async function runAtFixedRate(
  kinds: readonly LoadKind[],
  durationMs: number,
  recorder: Recorder,
  startedAt: number,
  maxInFlight: number,
) {
  const endAt = startedAt + durationMs;
  const pending = new Set<Promise<void>>();
  await Promise.all(
    kinds.map(async (kind) => {
      let inFlight = 0;
      for (let seq = 0; ; seq++) {
        const due = startedAt + (seq * 1000) / kind.perSecond;
        if (due >= endAt) break;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        const sentAt = performance.now();
        const bucket = recorder.bucket(recorder.minuteOf(sentAt), kind.name);
        if (inFlight >= maxInFlight) {
          bucket.shed++;
          continue;
        }
        inFlight++;
        const request = kind.send(seq).then(
          () => {
            bucket.ok++;
            bucket.latencies.push(performance.now() - sentAt);
          },
          (error: unknown) => {
            bucket.errors++;
            if (!recorder.firstErrors.has(kind.name)) recorder.firstErrors.set(kind.name, (error as Error).message);
          },
        );
        const tracked = request.finally(() => {
          inFlight--;
          pending.delete(tracked);
        });
        pending.add(tracked);
      }
    }),
  );
  await Promise.all(pending);
}

/** Least-squares slope of `ys` over `xs` (units of y per unit of x); NaN with fewer than two points. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}
