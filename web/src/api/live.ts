import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type Client, CloseCode, createClient, type SubscribePayload } from "graphql-ws";

import { ApiError, type GraphQLErrorShape } from "./api-error";
import { documentIdOf } from "./graphql-client";
import type { Session } from "./session";

export interface LiveSink<TData> {
  next(data: TData): void;
  /** A refusal (NOT_FOUND, FORBIDDEN, …) or a session that ended; live updates have stopped. */
  error?(error: ApiError): void;
}

export interface LiveConnectionOptions {
  /** ws(s)://<this origin>/graphql */
  url: string;
  session: Session;
  /** After a reconnect: updates may have been missed meanwhile, so screens reload what they show. */
  onReconnected?(): void;
  webSocketImpl?: unknown;
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === "object" && value !== null && "code" in value && "reason" in value;

/**
 * One graphql-ws connection for the whole app, subscribing by `documentId` (the payload's `query`
 * is empty, as the gateway expects). It reconnects by itself after network trouble, and before
 * the access token expires: when the session rotates its tokens, the socket is closed with
 * "terminated" so graphql-ws reconnects at once with the new token and re-sends every
 * subscription. If the gateway closed the socket for an expired token anyway (a laptop waking
 * up), the session is refreshed and the subscriptions are started again.
 */
export class LiveConnection {
  private readonly client: Client;
  private token: string | undefined;

  constructor(private readonly options: LiveConnectionOptions) {
    this.token = options.session.current()?.accessToken;
    this.client = createClient({
      url: options.url,
      lazy: true,
      lazyCloseTimeout: 5_000,
      keepAlive: 20_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      // 0.5 s, 1 s, 2 s … up to 15 s, with jitter so a restarted gateway is not hit all at once.
      retryWait: (retries) =>
        new Promise((resolve) => setTimeout(resolve, Math.min(15_000, 500 * 2 ** retries) * (0.75 + Math.random() / 2))),
      webSocketImpl: options.webSocketImpl,
      connectionParams: async () => {
        this.token = await options.session.accessToken();
        return this.token ? { authorization: `Bearer ${this.token}` } : {};
      },
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) options.onReconnected?.();
        },
      },
    });
    options.session.subscribe(() => {
      const now = options.session.current()?.accessToken;
      // A rotated token: reconnect with it now rather than be cut off when the old one expires.
      if (now && this.token && now !== this.token) this.client.terminate();
      this.token = now ?? this.token;
    });
  }

  subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, sink: LiveSink<TData>): () => void {
    let stopped = false;
    let dispose: () => void = () => {};
    const payload = { query: "", documentId: documentIdOf(document), variables } as unknown as SubscribePayload;
    const start = () => {
      dispose = this.client.subscribe<TData>(payload, {
        next: (result) => {
          if (result.errors?.length) sink.error?.(ApiError.from(result.errors as unknown as GraphQLErrorShape[]));
          else if (result.data) sink.next(result.data as TData);
        },
        error: (error) => void this.failed(error, sink, () => !stopped && start()),
        complete: () => {},
      });
    };
    start();
    return () => {
      stopped = true;
      dispose();
    };
  }

  private async failed(error: unknown, sink: LiveSink<never>, again: () => void): Promise<void> {
    if (isCloseEvent(error) && error.code === CloseCode.Unauthorized) {
      try {
        await this.options.session.refreshNow();
      } catch {
        // The session is over or the network is down; below decides.
      }
      if (this.options.session.signedIn) {
        setTimeout(again, 500);
        this.options.onReconnected?.();
        return;
      }
      sink.error?.(new ApiError("UNAUTHENTICATED", "session ended"));
      return;
    }
    if (Array.isArray(error)) sink.error?.(ApiError.from(error as GraphQLErrorShape[]));
    else sink.error?.(new ApiError("NETWORK_ERROR", isCloseEvent(error) ? error.reason || "connection closed" : "connection failed"));
  }

  dispose(): void {
    void this.client.dispose();
  }
}
