import { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";

import { RefreshSessionDocument } from "../generated/graphql";
import { GraphQLClient } from "./graphql-client";
import { LiveConnection } from "./live";
import { browserSessionEnvironment, Session, type SessionTokens } from "./session";

/** Everything that talks to the gateway, made once per page load. */
export interface Api {
  graphql: GraphQLClient;
  session: Session;
  live: LiveConnection;
  queries: QueryClient;
}

/** The tokens as the API returns them (expiresAt an ISO date) as the session keeps them. */
export const toSessionTokens = (payload: { accessToken: string; refreshToken: string; expiresAt: string }): SessionTokens => ({
  accessToken: payload.accessToken,
  refreshToken: payload.refreshToken,
  expiresAt: Date.parse(payload.expiresAt),
});

export function createApi(origin: URL = new URL(window.location.href)): Api {
  const endpoint = new URL("/graphql", origin).toString();
  // Refreshing goes through a client without a session, so it never waits on itself.
  const bare = new GraphQLClient({ endpoint, accessToken: async () => undefined });
  const session = new Session(
    async (refreshToken) => toSessionTokens((await bare.request(RefreshSessionDocument, { refreshToken })).refreshSession),
    browserSessionEnvironment(),
  );
  const graphql = new GraphQLClient({
    endpoint,
    accessToken: () => session.accessToken(),
    onUnauthenticated: async () => {
      try {
        return (await session.refreshNow()) !== undefined;
      } catch {
        return false;
      }
    },
  });
  const queries = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refused or missing thing stays refused; only network trouble is worth retrying.
        retry: (count, error) => count < 2 && (error as { code?: string }).code === "NETWORK_ERROR",
        refetchOnWindowFocus: true,
      },
    },
  });
  const live = new LiveConnection({
    url: endpoint.replace(/^http/, "ws"),
    session,
    // Whatever changed while the socket was down is fetched again.
    onReconnected: () => void queries.invalidateQueries(),
  });
  window.addEventListener("storage", () => session.reload());
  session.subscribe(() => {
    if (!session.signedIn) queries.clear();
  });
  return { graphql, session, live, queries };
}

export const ApiContext = createContext<Api | undefined>(undefined);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside <ApiContext>");
  return api;
}
