export { type GraphQLHttpOptions, type RouteHandler, type RunningHttpServer, sendJson, serveGraphQL } from "./http-server.js";
