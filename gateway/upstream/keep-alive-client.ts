import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";

export interface KeepAliveClientOptions {
  /** Connections per subgraph origin; requests beyond wait for a free one. */
  maxSockets?: number;
  /** Idle connections kept open per origin. */
  maxFreeSockets?: number;
  /** A request without its whole answer this long after it was sent fails with `ETIMEDOUT` (default 30 s). */
  timeoutMs?: number;
}

export interface PlainResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as text (UTF-8). */
  body: string;
}

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

/** Thrown for transport failures (refused, reset, timed out), with the subgraph URL for the log. */
export class UpstreamError extends Error {
  override name = "UpstreamError";
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * POSTs to one subgraph origin over pooled keep-alive connections with node:http directly: no
 * WHATWG Request/Headers/streams per call, which is where most of the gateway's per-fetch CPU went
 * with fetch (undici) and make-fetch-happen. LIFO socket reuse keeps a warm core of connections
 * and lets the rest idle out.
 */
export class KeepAliveClient {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;
  /** Requests in flight and when each gives up; one timer for all instead of one per request. */
  private readonly pending = new Map<http.ClientRequest, number>();
  /** Requests the sweeper gave up on, so a response cut short by it still reads as a timeout. */
  private readonly timedOut = new WeakSet<http.ClientRequest>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(origin: URL, options: KeepAliveClientOptions = {}) {
    const secure = origin.protocol === "https:";
    const agentOptions: http.AgentOptions = {
      keepAlive: true,
      maxSockets: options.maxSockets ?? 128,
      maxFreeSockets: options.maxFreeSockets ?? 64,
      scheduling: "lifo",
    };
    this.agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
    this.request = secure ? https.request : http.request;
    this.host = origin.hostname.replace(/^\[(.*)\]$/, "$1");
    this.port = Number(origin.port || (secure ? 443 : 80));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  }

  /**
   * Sends `body` (setting `content-length` in `headers`) and reads the whole response. `retryOnStaleSocket`: a request that failed with a
   * reset on a reused keep-alive connection (the server closed it as we picked it up) is sent once
   * more on a fresh one. Only for requests that are safe to repeat (queries, not mutations).
   */
  async post(path: string, headers: OutgoingHttpHeaders, body: string, retryOnStaleSocket: boolean): Promise<PlainResponse> {
    try {
      return await this.send(path, headers, body);
    } catch (error) {
      if (retryOnStaleSocket && error instanceof StaleSocketError) return this.send(path, headers, body);
      throw error instanceof StaleSocketError ? error.cause : error;
    }
  }

  close(): void {
    if (this.sweeper) clearTimeout(this.sweeper);
    this.agent.destroy();
  }

  private sweepLater(): void {
    if (this.sweeper) return;
    this.sweeper = setTimeout(
      () => {
        this.sweeper = undefined;
        const now = performance.now();
        // Deadlines grow in insertion order: stop at the first one still in the future.
        for (const [req, deadline] of this.pending) {
          if (deadline > now) break;
          this.pending.delete(req);
          this.timedOut.add(req);
          req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: "ETIMEDOUT" }));
        }
        if (this.pending.size > 0) this.sweepLater();
      },
      Math.min(1_000, this.timeoutMs),
    );
    // A pending sweep alone must not keep the process alive.
    this.sweeper.unref();
  }

  private send(path: string, headers: OutgoingHttpHeaders, body: string): Promise<PlainResponse> {
    return new Promise((resolve, reject) => {
      headers["content-length"] = Buffer.byteLength(body);
      const req = this.request({ agent: this.agent, host: this.host, port: this.port, method: "POST", path, headers }, (res) => {
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", (error) =>
          reject(new UpstreamError(`response from ${this.host}:${this.port} failed: ${error.message}`, codeOf(error), { cause: error })),
        );
        res.on("close", () => {
          this.pending.delete(req);
          // The connection dropped mid-body (settling twice is a no-op when it did complete).
          if (res.complete) return;
          if (this.timedOut.has(req))
            reject(new UpstreamError(`response from ${this.host}:${this.port} not complete within ${this.timeoutMs} ms`, "ETIMEDOUT"));
          else reject(new UpstreamError(`response from ${this.host}:${this.port} ended early`, "ECONNRESET"));
        });
      });
      const deadline = performance.now() + this.timeoutMs;
      this.pending.set(req, deadline);
      this.sweepLater();
      req.on("error", (error) => {
        this.pending.delete(req);
        const wrapped = new UpstreamError(`request to ${this.host}:${this.port} failed: ${error.message}`, codeOf(error), { cause: error });
        reject(req.reusedSocket && codeOf(error) === "ECONNRESET" ? new StaleSocketError(wrapped) : wrapped);
      });
      req.end(body);
    });
  }
}

class StaleSocketError extends Error {
  constructor(override readonly cause: UpstreamError) {
    super(cause.message);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}
