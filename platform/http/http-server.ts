import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { GraphQLError } from "graphql";

import { TRACE_HEADER, traceIdFrom, withTraceId } from "../logging/trace.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  host: string;
  port: number;
  /** Builds the per-request context; throwing a GraphQLError answers with it instead of executing. */
  context(req: IncomingMessage): Promise<TContext>;
  /** Extra plain-HTTP routes such as /health and /ready. */
  routes?: Record<string, RouteHandler>;
  /** Answers every other path but /graphql (the web app and its assets); a JSON 404 when absent. */
  fallback?: RouteHandler;
  /** Requests over this size are refused before they are parsed. */
  maxBodyBytes?: number;
  /**
   * Rewrites a parsed request before Apollo sees it (a persisted `documentId` into its query). A
   * GraphQLError it throws is the answer: its message and extensions, with `extensions.http`'s
   * status (400 when none) and headers.
   */
  prepareRequest?(request: HTTPGraphQLRequest): HTTPGraphQLRequest;
  /** Told the code of every request answered here without reaching Apollo (metrics). */
  onRefused?(code: string): void;
  /**
   * Runs before routing (CORS): may set headers on `res` for whatever answers next, or answer
   * itself and return true.
   */
  beforeRoute?(req: IncomingMessage, res: ServerResponse, pathname: string): boolean;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  /**
   * Graceful: stops accepting connections at once, lets requests in
   * flight finish (their connections then close) and closes idle keep-alive sockets; whatever is
   * still open after `graceMs` (a hung request, an upgraded socket) is cut.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** How long in-flight requests get on close: well inside the 10 s a process has to exit on SIGTERM. */
export const DRAIN_GRACE_MS = 5_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Plain stream events rather than `for await`: no async iterator machinery on every request. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit)
    return Promise.reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `request body of ${declared} bytes exceeds the limit of ${limit}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      reject(new HttpError(413, "PAYLOAD_TOO_LARGE", `request body exceeds the limit of ${limit} bytes`));
      req.destroy();
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Serves Apollo Server on node:http directly. No web framework: one less layer per request, and
 * the same server later carries graphql-ws upgrades on the same path.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>): Promise<RunningHttpServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, search: string) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown;
    if (req.method === "POST") {
      const text = await readBody(req, maxBodyBytes);
      if (text.length > 0 && (headers.get("content-type") ?? "").includes("json")) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new HttpError(400, "BAD_REQUEST", "request body is not valid JSON");
        }
      } else {
        body = text;
      }
    }
    let httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? "GET", headers, search, body };
    if (options.prepareRequest) httpGraphQLRequest = options.prepareRequest(httpGraphQLRequest);
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => options.context(req),
    });
    for (const [name, value] of response.headers) {
      // Apollo's `vary: accept` joins a `vary` set before routing (CORS's Origin) instead of replacing it.
      const earlier = name === "vary" ? res.getHeader("vary") : undefined;
      res.setHeader(name, earlier ? `${String(earlier)}, ${value}` : value);
    }
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  let draining = false;
  const sockets = new Set<Socket>();
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    // A request on a keep-alive connection after close() began is still answered, then the connection closes.
    if (draining) res.setHeader("connection", "close");
    // Origin-form targets ("/graphql?x") are split by hand; anything else goes through URL.
    const target = req.url ?? "/";
    const query = target.startsWith("/") ? target.indexOf("?") : -2;
    const url = query === -2 ? new URL(target, "http://localhost") : undefined;
    const pathname = url ? url.pathname : query === -1 ? target : target.slice(0, query);
    const search = url ? url.search : query === -1 ? "" : target.slice(query);
    const route = options.routes?.[pathname];
    const traceId = traceIdFrom(req.headers[TRACE_HEADER]);
    res.setHeader(TRACE_HEADER, traceId);
    if (options.beforeRoute?.(req, res, pathname)) return;
    const work = withTraceId(traceId, () =>
      route
        ? route(req, res)
        : pathname === "/graphql"
          ? handleGraphQL(req, res, search)
          : options.fallback
            ? options.fallback(req, res)
            : sendJson(res, 404, { error: "not found" }),
    );
    Promise.resolve(work).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HttpError) {
        options.onRefused?.(error.code);
        sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      } else if (error instanceof GraphQLError) {
        const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Iterable<[string, string]> } };
        const code = (extensions as { code?: unknown }).code;
        options.onRefused?.(typeof code === "string" ? code : "BAD_REQUEST");
        for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
        sendJson(res, http?.status ?? 400, { errors: [{ message: error.message, extensions }] });
      } else {
        options.onRefused?.("INTERNAL_SERVER_ERROR");
        sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      }
    });
  });
  // Keep-alive from the gateway outlives Node's 5 s default; idle sockets must not be cut mid-reuse.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}/graphql`,
    close: ({ graceMs = DRAIN_GRACE_MS } = {}) =>
      new Promise<void>((resolve) => {
        draining = true;
        // Responses not started yet end their connection, so a draining keep-alive socket is not reused.
        for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
        // Cuts what outlives the grace period: server.close() waits for every socket, upgraded ones too.
        const deadline = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, graceMs);
        deadline.unref();
        // Stops listening at once and closes keep-alive sockets that are idle now.
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
      }),
  };
}

export { sendJson };
