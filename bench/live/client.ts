/**
 * A bare graphql-ws (graphql-transport-ws) subscriber on the plain `ws` package, lighter than the
 * graphql-ws client for 10,000 sockets in one process: connection_init → connection_ack →
 * subscribe, then every frame is kept raw with its arrival time (performance.now()) and parsed
 * only after the measurement, so the receive path does as little as possible. The library answers
 * the server's keep-alive ping frames by itself.
 */
import WebSocket from "ws";

export interface Receipt {
  at: number;
  raw: Buffer;
}

export interface Closed {
  code: number;
  reason: string;
}

const SUBSCRIPTION_ID = "1";

export class LiveSocket {
  /** Frames received after the subscribe message, in order. */
  receipts: Receipt[] = [];
  closed?: Closed;
  /** Called after each frame is kept (the end-to-end loop waits on it instead of polling). */
  onFrame?: () => void;
  /** Set by {@link LiveSocket.closeAll} so an expected close is not counted as a failure. */
  private closing = false;

  private constructor(private readonly ws: WebSocket) {}

  get unexpectedlyClosed(): Closed | undefined {
    return this.closing ? undefined : this.closed;
  }

  /**
   * Opens a socket, authenticates with `token` and subscribes; resolves once the subscribe
   * message is sent (the gateway registers it asynchronously: watch its live stats).
   */
  static open(url: string, token: string, query: string, variables: Record<string, unknown>, timeoutMs: number): Promise<LiveSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, "graphql-transport-ws", { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      const socket = new LiveSocket(ws);
      let acked = false;
      const fail = (error: Error) => {
        clearTimeout(timer);
        ws.terminate();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`no connection_ack within ${timeoutMs} ms`)), timeoutMs);
      ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
      ws.on("message", (raw: Buffer) => {
        const at = performance.now();
        if (acked) {
          socket.receipts.push({ at, raw });
          socket.onFrame?.();
          return;
        }
        const message = JSON.parse(raw.toString()) as { type?: string };
        if (message.type === "connection_ack") {
          acked = true;
          clearTimeout(timer);
          ws.send(JSON.stringify({ id: SUBSCRIPTION_ID, type: "subscribe", payload: { query, variables } }));
          resolve(socket);
        } else if (message.type === "ping") {
          ws.send(JSON.stringify({ type: "pong" }));
        }
      });
      ws.on("error", (error) => {
        if (!acked) fail(error);
      });
      ws.on("close", (code, reason) => {
        socket.closed = { code, reason: reason.toString() };
        if (!acked) fail(new Error(`closed before connection_ack: ${code} ${reason.toString()}`));
      });
    });
  }

  /** Parses the frames from `from` on; `next` payloads' data, protocol errors and completes. */
  parse(from = 0): Array<{ at: number; type: string; data?: any; errors?: unknown }> {
    return this.receipts.slice(from).map(({ at, raw }) => {
      const message = JSON.parse(raw.toString()) as { type: string; payload?: any };
      if (message.type === "next") return { at, type: "next", data: message.payload?.data, errors: message.payload?.errors };
      return { at, type: message.type, errors: message.payload };
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Closes every socket (normal closure) and waits, bounded, for them to go. */
  static async closeAll(sockets: LiveSocket[], timeoutMs = 20_000): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const socket of sockets) {
      socket.closing = true;
      if (socket.ws.readyState === WebSocket.CLOSED) continue;
      waits.push(new Promise<void>((resolve) => socket.ws.once("close", () => resolve())));
      socket.ws.close(1000, "bench done");
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(waits), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    for (const socket of sockets) if (socket.ws.readyState !== WebSocket.CLOSED) socket.ws.terminate();
  }
}
