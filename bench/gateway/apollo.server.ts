/**
 * Stock @apollo/gateway on Apollo Server's standalone server, defaults throughout. The one addition
 * is forwarding the caller token the benchmark client sends, since subgraphs refuse calls without one.
 */
import { readFileSync } from "node:fs";

import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

import { supergraphForGateway } from "../../gateway/authz/index.js";
import { INTERNAL_TOKEN_HEADER } from "../../platform/auth/internal-token.js";
import { serveChild } from "./child.js";

interface Context {
  token?: string;
}

serveChild(async () => {
  const gateway = new ApolloGateway({
    // The composed supergraph links @requiresScopes `for: SECURITY`, which stock @apollo/gateway
    // refuses to load; only the link's purpose changes.
    supergraphSdl: supergraphForGateway(readFileSync(process.env.BENCH_SUPERGRAPH!, "utf8")),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          if (context.token) request.http?.headers.set(INTERNAL_TOKEN_HEADER, context.token);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: 0 },
    context: async ({ req }) => {
      const token = req.headers[INTERNAL_TOKEN_HEADER];
      return { token: typeof token === "string" ? token : undefined };
    },
  });
  return { info: { url }, close: () => server.stop() };
});
