export { serveGraphQL, sendJson, type GraphQLHttpOptions, type RunningHttpServer, type RouteHandler } from "./http-server.js";
