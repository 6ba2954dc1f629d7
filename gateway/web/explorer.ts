import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import type { Logger } from "pino";

import type { RouteHandler } from "../../platform/http/http-server.js";
import { sendFile } from "./send.js";

/**
 * GraphiQL as built by The Guild for GraphQL Yoga: one self-contained browser bundle (React,
 * GraphiQL, Monaco and its workers) published on npm as strings, so the gateway serves every byte
 * itself, nothing comes from a CDN and the page needs no build step.
 */
const PACKAGE = "@graphql-yoga/render-graphiql";

/** Where the page is served in development; `/` belongs to the web app. */
export const EXPLORER_PATH = "/explorer";

/** Only our own files: no inline script, no other host. Monaco injects `<style>` tags, hence inline styles. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

interface Bundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

interface Asset {
  type: string;
  body: Buffer;
}

/** What the explorer opens with: how to sign in, since almost every field needs a caller. */
const DEFAULT_QUERY = `# Moneta GraphQL explorer (development only)
#
# Most fields need a signed-in caller:
# 1. run the register or signIn mutation;
# 2. open "Headers" below and paste
#    { "Authorization": "Bearer <accessToken>" }
#    or { "x-api-key": "<key>" } for an API key.
#
# Subscriptions need a graphql-ws client on this same
# /graphql with the token in the connection_init payload
# (this page sends no headers over its WebSocket).

query Me {
  me {
    id
  }
}
`;

function explorerOptions(endpoint: string) {
  return {
    title: "Moneta GraphQL explorer",
    endpoint,
    defaultQuery: DEFAULT_QUERY,
    // The header editor is where the Authorization header goes: show it from the start.
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    // A pasted token stays in this tab only, never in localStorage.
    shouldPersistHeaders: false,
    // The gateway's own protocol (the default, SSE, is not served here). The bundle passes the
    // header editor to HTTP requests only, so a subscription from this page is anonymous and refused.
    subscriptionsProtocol: "WS",
  };
}

export interface Explorer {
  /** Routes to register: the page at `/explorer` and its assets under `/explorer/<package version>/`. */
  routes: Record<string, RouteHandler>;
  /** Paths of the page's own scripts, stylesheet and icon (tests fetch each). */
  assetPaths: string[];
}

/**
 * The development explorer: `GET /explorer` answers the page (`/` is the web app); every asset URL carries the package
 * version, so browsers may cache them for good. The 9 MB bundle is loaded on the first request
 * for the page or an asset, not at boot.
 */
export function createExplorer(options: { endpoint?: string; logger?: Logger } = {}): Explorer {
  const require = createRequire(import.meta.url);
  let version: string;
  try {
    version = (JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8")) as { version: string }).version;
  } catch {
    // `npm ci --omit=dev` leaves it out: the API still works, the page says why it is missing.
    options.logger?.warn(`${PACKAGE} is not installed; the GraphQL explorer at ${EXPLORER_PATH} is off`);
    return {
      routes: {
        [EXPLORER_PATH]: (_req, res) =>
          sendFile(
            res,
            404,
            { "content-type": "text/plain; charset=utf-8" },
            `GraphQL explorer not installed (npm package ${PACKAGE}); the API is at /graphql\n`,
          ),
      },
      assetPaths: [],
    };
  }
  const base = `/explorer/${version}`;
  const endpoint = options.endpoint ?? "/graphql";
  const paths = {
    css: `${base}/graphiql.css`,
    favicon: `${base}/favicon.ico`,
    setup: `${base}/setup.js`,
    js: `${base}/graphiql.js`,
    start: `${base}/start.js`,
    editorWorker: `${base}/editor.worker.js`,
    jsonWorker: `${base}/json.worker.js`,
    graphqlWorker: `${base}/graphql.worker.js`,
  };

  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Moneta GraphQL explorer</title>
    <link rel="icon" href="${paths.favicon}" />
    <link rel="stylesheet" href="${paths.css}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The GraphQL explorer needs JavaScript. The API itself is at ${endpoint}.</noscript>
    <div id="root"></div>
    <script src="${paths.setup}"></script>
    <script src="${paths.js}"></script>
    <script src="${paths.start}"></script>
  </body>
</html>
`;
  // Monaco asks for a worker per language by label; these are the labels the bundle uses.
  const setup = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    var workers = ${JSON.stringify({ editorWorkerService: paths.editorWorker, json: paths.jsonWorker, graphql: paths.graphqlWorker })};
    return workers[label] || workers.editorWorkerService;
  },
};
`;
  const start = `YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), ${JSON.stringify(explorerOptions(endpoint))});\n`;

  let assets: Promise<Map<string, Asset>> | undefined;
  const load = () =>
    (assets ??= import("@graphql-yoga/render-graphiql/graphiql").then((bundle: Bundle) => {
      const js = (text: string): Asset => ({ type: "text/javascript; charset=utf-8", body: Buffer.from(text) });
      const icon = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
      return new Map<string, Asset>([
        [paths.css, { type: "text/css; charset=utf-8", body: Buffer.from(bundle.css) }],
        [paths.favicon, icon ? { type: icon[1]!, body: Buffer.from(icon[2]!, "base64") } : { type: "image/x-icon", body: Buffer.alloc(0) }],
        [paths.setup, js(setup)],
        [paths.js, js(bundle.js)],
        [paths.start, js(start)],
        [paths.editorWorker, js(bundle.editorWorkerService)],
        [paths.jsonWorker, js(bundle.jsonWorker)],
        [paths.graphqlWorker, js(bundle.graphqlWorker)],
      ]);
    }));

  const asset: RouteHandler = async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD")
      return sendFile(res, 405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }, "method not allowed\n");
    const found = (await load()).get((req.url ?? "").split("?")[0]!);
    if (!found) return sendFile(res, 404, { "content-type": "text/plain; charset=utf-8" }, "not found\n");
    sendFile(
      res,
      200,
      { "content-type": found.type, "cache-control": "public, max-age=31536000, immutable" },
      found.body,
      req.method === "HEAD",
    );
  };
  const routes: Record<string, RouteHandler> = {
    [EXPLORER_PATH]: async (req, res) => {
      if (req.method !== "GET" && req.method !== "HEAD")
        return sendFile(res, 405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }, "method not allowed\n");
      // Start loading the bundle now: the browser asks for it next.
      void load().catch((error: unknown) => options.logger?.error({ err: error }, "cannot load the GraphQL explorer bundle"));
      sendFile(
        res,
        200,
        {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          "content-security-policy": EXPLORER_CSP,
          "referrer-policy": "no-referrer",
        },
        page,
        req.method === "HEAD",
      );
    },
  };
  for (const path of Object.values(paths)) routes[path] = asset;
  return { routes, assetPaths: Object.values(paths) };
}
