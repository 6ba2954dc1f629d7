import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import type { WebhookTarget } from "./webhook-url.guard.js";

/** At most this much of an answer is read, and kept in the delivery log. */
export const MAX_RESPONSE_BYTES = 1024;

export interface PostOutcome {
  /** Null when no answer came (refused, timed out, TLS failure). */
  statusCode: number | null;
  durationMs: number;
  /** Up to 1 KB of the body, as text. */
  body: string;
  /** Why it did not count as delivered; null for a 2xx. */
  error: string | null;
}

/**
 * POSTs `body` to the checked address of `target` and nothing else: the socket's lookup answers
 * with that address, so a second DNS answer cannot move the request elsewhere, while the Host
 * header and TLS server name (and certificate check) stay the URL's. Redirects are not followed
 * (a 3xx is a failure); the whole exchange has `timeoutMs`; no more than 1 KB is read.
 */
export function postToTarget(
  target: WebhookTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  now: () => number = performance.now.bind(performance),
): Promise<PostOutcome> {
  const started = now();
  const { url } = target;
  const secure = url.protocol === "https:";
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: Math.round(now() - started) });
    };
    const request = (secure ? https : http).request({
      method: "POST",
      host: hostname,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      lookup: pinned,
      // One connection per delivery: a pooled socket may be one opened to another checked address.
      agent: false,
      ...(secure && { servername: hostname }),
    });
    const timer = setTimeout(() => {
      request.destroy(new Error(`no complete answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    request.on("error", (err) => finish({ statusCode: null, body: "", error: err.message }));
    request.on("response", (response) => {
      const statusCode = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8");
        const ok = statusCode >= 200 && statusCode < 300;
        const error = ok
          ? null
          : statusCode >= 300 && statusCode < 400
            ? `HTTP ${statusCode}: redirects are not followed${response.headers.location ? ` (to ${String(response.headers.location).slice(0, 200)})` : ""}`
            : `HTTP ${statusCode}`;
        finish({ statusCode, body: text, error });
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES) done();
      });
      response.on("end", done);
      response.on("error", done);
      response.on("close", done);
    });
    request.end(body);
  });
}
