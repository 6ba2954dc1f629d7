import autocannon, { type Options, type Result } from "autocannon";

export interface ClosedLoopRun {
  /** Successful responses per second. */
  perSecond: number;
  p50: number;
  p99: number;
  /** Non-JSON bodies, GraphQL errors, answers `succeeded` refused, socket errors, timeouts. */
  errors: number;
  ok: number;
}

export interface ClosedLoopOptions {
  url: string;
  headers: Record<string, string>;
  /** The same GraphQL request, over and over. */
  query: string;
  variables: Record<string, unknown>;
  connections: number;
  seconds: number;
  /** Whether an answer without GraphQL errors carries what a success must (e.g. the new row's id). */
  succeeded: (data: any) => boolean;
}

/** A closed loop of one GraphQL request with autocannon; every response body is checked and counted here. */
export async function closedLoop(options: ClosedLoopOptions): Promise<ClosedLoopRun> {
  let ok = 0;
  let bad = 0;
  const verifyBody = (text: string) => {
    try {
      const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
      if (!body.errors && options.succeeded(body.data)) {
        ok++;
        return true;
      }
    } catch {
      /* not JSON: counted below */
    }
    bad++;
    return false;
  };
  // verifyBody is autocannon's per-response hook (not in bench/gateway/autocannon.d.ts's subset).
  const request: Options & { verifyBody: (body: string) => boolean } = {
    url: options.url,
    method: "POST",
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    verifyBody,
    headers: { ...options.headers, "content-type": "application/json" },
    body: JSON.stringify({ query: options.query, variables: options.variables }),
  };
  const result: Result = await autocannon(request);
  // Let requests still in flight when the run stopped finish before the next run starts.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: bad + result.errors + result.timeouts,
    ok,
  };
}
