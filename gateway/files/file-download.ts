import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";

import type { Logger } from "pino";

import type { RouteHandler } from "../../platform/http/http-server.js";
import { type FileStorage, verifyFileGrant } from "../../platform/storage/index.js";

/** Path of the download route; links are `/files?token=<signed grant>`. */
export const FILES_PATH = "/files";

export interface FileDownloadOptions {
  storage: FileStorage;
  /** The secret subgraphs sign grants with (FILE_LINK_SECRET). */
  linkSecret: string;
  now: () => Date;
  logger: Logger;
}

function refuse(res: ServerResponse, status: 403 | 404 | 405): void {
  const body = status === 405 ? "method not allowed" : status === 404 ? "not found" : "forbidden";
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    ...(status === 405 && { allow: "GET, HEAD" }),
  });
  res.end(body);
}

/**
 * Serves a file a subgraph made (a report) to whoever holds a link it signed: the token names the
 * stored key, the user, the expiry, the content type and the filename, under HMAC-SHA256. An
 * expired, altered or foreign token is 403 and a file gone from storage (purged, expired) is 404,
 * neither with a reason. The link is the authorization, as a browser following it sends no bearer
 * token; it is short-lived, and the API hands out a fresh one to the owner on every read.
 */
export function fileDownloadRoute(options: FileDownloadOptions): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405);
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? "";
    const grant = verifyFileGrant(token, options.linkSecret, options.now());
    if (!grant) return refuse(res, 403);
    let stream;
    try {
      stream = await options.storage.get(grant.key);
    } catch (error) {
      // A key the storage refuses was still signed by us: a bug, logged, and answered like a missing file.
      options.logger.error({ err: error }, "a signed file grant names an unusable storage key");
      return refuse(res, 404);
    }
    if (!stream) return refuse(res, 404);
    res.writeHead(200, {
      "content-type": grant.contentType,
      "content-disposition": `attachment; filename="${grant.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") {
      stream.destroy();
      return void res.end();
    }
    await pipeline(stream, res);
  };
}
