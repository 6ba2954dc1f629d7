import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

import type { Logger } from "pino";

import type { RouteHandler } from "../../platform/http/http-server.js";
import { sendFile } from "./send.js";

/** Where `npm run build:web` writes the app (web/vite.config.ts). */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/**
 * The app's own files and the gateway's API on the same origin, nothing else: no inline script,
 * no other host. Inline styles stay allowed for React's and Chart.js's style attributes.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // 'self' covers ws:// and wss:// to this host for graphql-ws.
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** Worth compressing; images and fonts already are. */
const TEXT = new Set([".html", ".js", ".css", ".svg", ".json", ".webmanifest", ".txt", ".map"]);

interface CachedFile {
  version: string;
  type: string;
  etag: string;
  raw: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
}

export interface WebAppOptions {
  /** The built app (index.html and assets/); {@link DEFAULT_WEB_DIST_DIR} by default. */
  dir?: string;
  logger?: Logger;
}

/** Picks what the client accepts, best first: Brotli, then gzip, else the file as it is. */
function encodingFor(req: IncomingMessage, file: CachedFile): { body: Buffer; encoding?: string } {
  const accepted = String(req.headers["accept-encoding"] ?? "");
  if (file.brotli && /\bbr\b/.test(accepted)) return { body: file.brotli, encoding: "br" };
  if (file.gzip && /\bgzip\b/.test(accepted)) return { body: file.gzip, encoding: "gzip" };
  return { body: file.raw };
}

/**
 * Serves the single-page app from its build folder at every path but the gateway's own:
 * hashed files under /assets/ are cached for good, index.html is revalidated every time (so a
 * new build is picked up at once), and any other extension-less path is the app's own route
 * (index.html, the app's router takes it from there). Files are compressed once and kept in
 * memory; a rebuilt file is noticed by its size and mtime.
 */
export function webAppRoute(options: WebAppOptions = {}): RouteHandler {
  const root = normalize(options.dir ?? DEFAULT_WEB_DIST_DIR);
  const cache = new Map<string, CachedFile>();

  const load = async (relative: string): Promise<CachedFile | undefined> => {
    const path = join(root, relative);
    // normalize() resolved every "..": anything outside the build folder is not ours to serve.
    if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
    let info;
    try {
      info = await stat(path);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const version = `${info.size}:${info.mtimeMs}`;
    const cached = cache.get(path);
    if (cached?.version === version) return cached;
    const raw = await readFile(path);
    const extension = extname(path);
    const file: CachedFile = {
      version,
      type: TYPES[extension] ?? "application/octet-stream",
      etag: `"${createHash("sha256").update(raw).digest("base64url").slice(0, 27)}"`,
      raw,
    };
    if (TEXT.has(extension) && raw.length > 1024) {
      file.gzip = gzipSync(raw, { level: 9 });
      file.brotli = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    }
    cache.set(path, file);
    return file;
  };

  return async (req, res) => {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) {
      return sendFile(res, 405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }, "method not allowed\n", false);
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      return sendFile(res, 400, { "content-type": "text/plain; charset=utf-8" }, "bad path\n", head);
    }
    if (pathname.includes("\0")) return sendFile(res, 400, { "content-type": "text/plain; charset=utf-8" }, "bad path\n", head);
    const asset = pathname.startsWith("/assets/");
    let file = pathname === "/" ? undefined : await load(normalize(pathname));
    let isIndex = false;
    if (!file && !asset && extname(pathname) === "") {
      // A route of the app (/transactions, /groups/42): the app's router draws it.
      file = await load("index.html");
      isIndex = true;
      if (!file) {
        options.logger?.warn({ root }, "the web app is not built; run npm run build:web");
        return sendFile(
          res,
          404,
          { "content-type": "text/plain; charset=utf-8" },
          "The web app is not built: run `npm run build:web` (the API is at /graphql).\n",
          head,
        );
      }
    }
    if (!file) return sendFile(res, 404, { "content-type": "text/plain; charset=utf-8" }, "not found\n", head);
    const headers: Record<string, string> = {
      "content-type": file.type,
      etag: file.etag,
      vary: "accept-encoding",
      // Hashed names change with their content; everything else is checked against its ETag.
      "cache-control": asset ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (isIndex || file.type.startsWith("text/html")) {
      headers["content-security-policy"] = WEB_APP_CSP;
      headers["referrer-policy"] = "no-referrer";
    }
    if (req.headers["if-none-match"] === file.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const { body, encoding } = encodingFor(req, file);
    if (encoding) headers["content-encoding"] = encoding;
    sendFile(res, 200, headers, body, head);
  };
}
