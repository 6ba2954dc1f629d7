import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";

import {
  type DocumentNode,
  type ExecutionArgs,
  type FormattedExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { type WebSocket, WebSocketServer } from "ws";

import type { Caller } from "../../platform/auth/caller.js";
import type { Authenticator } from "../auth/authenticator.js";
import { type AuthRequirements, filterOperation } from "../authz/index.js";
import { lookupDocument } from "../persisted/document-id.js";
import { type FrameSocket, frameSocket } from "./frame-socket.js";
import type { LiveBridge } from "./live-bridge.js";
import type { LiveField } from "./live-fields.js";
import { LiveSink } from "./live-sink.js";
import { type LiveLookup, toLiveLookup, withArguments } from "./lookup-document.js";

export interface LiveServerOptions {
  server: Server;
  path: string;
  /** The client-facing schema subscriptions are validated against. */
  schema: GraphQLSchema;
  bridge: LiveBridge;
  liveFields: LiveField[];
  authenticator: Authenticator;
  /** Trusted documents: a `subscribe` payload may name one by `documentId` (with an empty `query`) instead of sending its text. */
  documents?: { get(documentId: string): string | undefined };
  /** @authenticated / @requiresScopes from the supergraph: a denied live field cannot be subscribed to. */
  requirements: AuthRequirements;
  /** Queries and mutations sent over the socket go through the gateway like HTTP ones. */
  execute(
    document: DocumentNode,
    variables: Record<string, unknown>,
    operationName: string | undefined,
    caller: Caller,
  ): Promise<FormattedExecutionResult>;
  validationRules?: ValidationRule[];
  maxTokens?: number;
  logger: Logger;
  /** The gateway's clock (ms), so a socket closes when its token expires by the same time tokens are checked with. */
  now?: () => number;
  /** Updates handed to a slow reader's socket and not yet written out; past that only the newest is held. */
  queueCapacity?: number;
  maxSubscriptionsPerSocket?: number;
  /** Last say on a subscription before it starts (safelist, rate limit); an error refuses it. */
  admitSubscription?(request: {
    caller: Caller;
    query: string;
    document: DocumentNode;
    operationName?: string | null;
    variables: Record<string, unknown>;
  }): Promise<GraphQLError | undefined>;
}

export interface LiveServer {
  stats(): { sockets: number; subscriptions: number };
  /** Closes every socket with 1012 (clients reconnect elsewhere); those that do not answer within `graceMs` are cut. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** WebSocket close code 1012 (RFC 6455 registry): the server is restarting; graphql-ws clients reconnect. */
export const SERVICE_RESTART = 1012;

interface SocketState {
  caller: Caller;
  /** Where this connection's subscriptions write their updates (one per connection, not per subscription). */
  frames: FrameSocket;
  expiry?: NodeJS.Timeout;
  subscriptions: number;
}

/** What `subscribe` gets from `onSubscribe`: the connection (with the socket to write updates to) and the client's id for them. */
interface SubscribeContext {
  caller: Caller;
  socketState: SocketState;
  id: string;
}

/** Distinct operation texts whose parsed, validated documents are kept (clients send few, and the same, over and over). */
const DOCUMENT_CACHE_SIZE = 500;

/**
 * Parsed documents by operation text, and what is derived from one document (validation, the
 * live lookup): every subscriber sending the same text shares them, so a subscription costs one
 * Map lookup instead of a parse, two validations and a new AST of its own. Documents are never
 * mutated, which makes sharing them safe.
 */
class DocumentCache {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly validated = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  private readonly lookups = new WeakMap<OperationDefinitionNode, { lookup: LiveLookup | string; errors: readonly GraphQLError[] }>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly maxTokens: number | undefined,
  ) {}

  /** Throws parse errors (not cached: a bad text costs its sender the parse every time). */
  parse(query: string): DocumentNode {
    let document = this.documents.get(query);
    if (document) {
      // Most recently used last, so the oldest is the one evicted.
      this.documents.delete(query);
      this.documents.set(query, document);
      return document;
    }
    document = parse(query, { maxLexicalTokens: this.maxTokens } as Parameters<typeof parse>[1]);
    this.documents.set(query, document);
    if (this.documents.size > DOCUMENT_CACHE_SIZE) this.documents.delete(this.documents.keys().next().value!);
    return document;
  }

  validate(document: DocumentNode): readonly GraphQLError[] {
    let errors = this.validated.get(document);
    if (!errors) {
      errors = validate(this.schema, document, this.rules);
      this.validated.set(document, errors);
    }
    return errors;
  }

  /** The live lookup of a subscription operation (without argument values), and its validation against the schema. */
  lookup(document: DocumentNode, operation: OperationDefinitionNode, liveFields: ReadonlyMap<string, LiveField>) {
    let entry = this.lookups.get(operation);
    if (!entry) {
      const lookup = toLiveLookup(document, operation, liveFields);
      entry = { lookup, errors: typeof lookup === "string" ? [] : validate(this.schema, lookup.lookup) };
      this.lookups.set(operation, entry);
    }
    return entry;
  }
}

/**
 * The operation text of a `subscribe` payload: the manifest's text for a `documentId` (graphql-ws
 * requires a `query` string, so it must be empty then), else the query as sent. Same refusals as
 * over HTTP.
 */
function liveQueryText(payload: { query: string; documentId?: unknown }, documents: LiveServerOptions["documents"]): string | GraphQLError {
  if (payload.documentId === undefined) return payload.query;
  try {
    return lookupDocument(documents ?? { get: () => undefined }, payload.documentId, payload.query !== "");
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

/**
 * graphql-ws on the gateway's own /graphql path. The token comes in `connection_init`
 * (`{ authorization: "Bearer …" }` or `{ "x-api-key": … }`); a missing or bad one closes with
 * 4401, a caller who may not subscribe with 4403, and the socket closes when the token expires.
 */
export function startLiveServer(options: LiveServerOptions): LiveServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const states = new WeakMap<WebSocket, SocketState>();
  const liveFields = new Map(options.liveFields.map((f) => [f.name, f]));
  let sockets = 0;
  const rules = [...specifiedRules, ...(options.validationRules ?? [])];
  const cache = new DocumentCache(options.schema, rules, options.maxTokens);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== options.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  options.server.on("upgrade", onUpgrade);
  wss.on("connection", (ws) => {
    sockets++;
    ws.once("close", () => {
      sockets--;
      clearTimeout(states.get(ws)?.expiry);
    });
  });

  const disposable = useServer<Record<string, unknown>>(
    {
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = (name: string) => {
          const value = params[name] ?? params[name.toLowerCase()];
          return typeof value === "string" ? value : undefined;
        };
        const headers = { authorization: header("authorization") ?? header("Authorization"), "x-api-key": header("x-api-key") };
        let caller: Caller;
        try {
          caller = await options.authenticator.authenticate({ headers, socket: ctx.extra.request.socket } as unknown as IncomingMessage);
        } catch {
          ctx.extra.socket.close(CloseCode.Unauthorized, "Unauthorized");
          return false;
        }
        if (!caller.userId) {
          ctx.extra.socket.close(CloseCode.Unauthorized, "Unauthorized");
          return false;
        }
        const state: SocketState = { caller, frames: frameSocket(ctx.extra.socket), subscriptions: 0 };
        if (caller.expiresAt) {
          state.expiry = setTimeout(
            () => ctx.extra.socket.close(CloseCode.Unauthorized, "Unauthorized: token expired"),
            Math.max(0, caller.expiresAt - (options.now ?? Date.now)()),
          );
          state.expiry.unref();
        }
        states.set(ctx.extra.socket, state);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return [new GraphQLError("not connected")];
        const query = liveQueryText(payload as typeof payload & { documentId?: unknown }, options.documents);
        if (query instanceof GraphQLError) return [query];
        let document: DocumentNode;
        try {
          document = cache.parse(query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError("invalid query")];
        }
        const errors = cache.validate(document);
        if (errors.length > 0) return [...errors];
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError("operation not found")];
        if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
          // Nested fields are checked again on every update (the lookup runs through the
          // authorized gateway); the live field itself must be allowed up front.
          try {
            filterOperation(options.schema, document, payload.operationName ?? undefined, options.requirements, state.caller);
          } catch (error) {
            if (error instanceof GraphQLError) return [error];
            throw error;
          }
          if (state.subscriptions >= (options.maxSubscriptionsPerSocket ?? 100)) {
            return [
              new GraphQLError("too many subscriptions on this connection", {
                extensions: { code: "SUBSCRIPTION_LIMIT_EXCEEDED", limit: options.maxSubscriptionsPerSocket ?? 100 },
              }),
            ];
          }
          const refusal = await options.admitSubscription?.({
            caller: state.caller,
            query,
            document,
            operationName: payload.operationName,
            variables: payload.variables ?? {},
          });
          if (refusal) return [refusal];
        }
        const args: ExecutionArgs = {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? {},
          contextValue: { caller: state.caller, socketState: state, id } satisfies SubscribeContext,
        };
        return args;
      },
      // Every result is already formatted (the gateway's executor, the bridge): its errors are plain
      // objects, on which graphql-ws's own formatting (error.toJSON()) would throw and close the socket.
      onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
      execute: (args) => {
        const { caller } = args.contextValue as { caller: Caller };
        return options.execute(
          args.document,
          (args.variableValues ?? {}) as Record<string, unknown>,
          args.operationName ?? undefined,
          caller,
        ) as never;
      },
      subscribe: (args) => {
        const { caller, socketState, id } = args.contextValue as SubscribeContext;
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        const operation = getOperationAST(args.document, args.operationName);
        const { lookup, errors } =
          operation && operation.kind === Kind.OPERATION_DEFINITION
            ? cache.lookup(args.document, operation, liveFields)
            : { lookup: "operation not found", errors: [] };
        if (typeof lookup === "string") return { errors: [new GraphQLError(lookup, { extensions: { code: "BAD_USER_INPUT" } })] };
        if (errors.length > 0) return { errors: [...errors] };
        socketState.subscriptions++;
        let remove = () => {};
        // Updates go straight to the socket, serialized once per shared result (see LiveSink).
        const sink = new LiveSink(socketState.frames, id, options.queueCapacity ?? 16, () => {
          socketState.subscriptions--;
          remove();
        });
        remove = options.bridge.add({
          operation: withArguments(lookup, variables),
          variables,
          caller,
          push: (result) => sink.push(result),
          end: (last) => sink.end(last),
        });
        return sink as never;
      },
    },
    wss,
  );

  return {
    stats: () => ({ sockets, subscriptions: options.bridge.subscriberCount }),
    close: async ({ graceMs = 1_000 } = {}) => {
      options.server.off("upgrade", onUpgrade);
      // 1012 Service Restart: graphql-ws clients retry it (against another instance behind the
      // balancer) and resubscribe; 1011 Internal Error would be fatal for them.
      const closed = [...wss.clients].map((client) => {
        const done = new Promise<void>((resolve) => client.once("close", () => resolve()));
        client.close(SERVICE_RESTART, "gateway shutting down");
        return done;
      });
      // A client that never answers the close frame would hold its socket for ws's 30 s close timeout.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const client of wss.clients) client.terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
