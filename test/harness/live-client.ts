import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

import type { RegisteredUser, TestSupergraph } from "./supergraph.js";

/** One graphql-ws subscription on the gateway, recording every result (and error) it receives. */
export interface LiveSubscription {
  results: any[];
  client: Client;
  /** The server completed the subscription (e.g. its entity is no longer visible to the user). */
  completed: boolean;
}

/**
 * Live subscriptions for a test file: `subscribe` opens a real graphql-ws client as `user`, and
 * `closeAll` (in afterAll) disposes every one of them.
 */
export function liveClients(sg: () => TestSupergraph) {
  const open: LiveSubscription[] = [];
  return {
    subscribe(user: RegisteredUser, query: string, variables: Record<string, unknown> = {}): LiveSubscription {
      const live: LiveSubscription = {
        results: [],
        completed: false,
        client: createClient({
          url: sg().gateway.url.replace("http", "ws"),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${user.accessToken}` },
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => undefined,
        }),
      };
      live.client.subscribe(
        { query, variables },
        {
          next: (r) => void live.results.push(r),
          error: (e) => void live.results.push({ error: e }),
          complete: () => void (live.completed = true),
        },
      );
      open.push(live);
      return live;
    },
    async closeAll(): Promise<void> {
      for (const live of open.splice(0)) await live.client.dispose();
    },
  };
}
