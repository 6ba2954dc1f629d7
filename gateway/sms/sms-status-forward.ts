import type { IncomingMessage, ServerResponse } from "node:http";

import type { Logger } from "pino";

import type { RouteHandler } from "../../platform/http/http-server.js";

/** The public path SMS providers post delivery status to; insights serves the same path (README "SMS"). */
export const SMS_STATUS_PATH = "/sms/status";

/** A status callback is a few hundred bytes of form fields. */
const MAX_BODY = 16 * 1024;

function reply(res: ServerResponse, status: number): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end();
}

/**
 * Hands a provider's status callback to insights untouched: the body, its content type, the query
 * and the signature header. The gateway is the only public door, but the signature is checked
 * where the provider's auth token is, so the gateway holds no SMS secret and checks nothing itself.
 * `insightsUrl` gives the subgraph's GraphQL URL once the gateway has built its services.
 */
export function smsStatusForwardRoute(options: { insightsUrl: () => string | undefined; logger: Logger }): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") return reply(res, 405);
    const target = options.insightsUrl();
    if (!target) return reply(res, 503);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return reply(res, 413);
      chunks.push(chunk);
    }
    const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
    const signature = req.headers["x-twilio-signature"];
    try {
      const answer = await fetch(new URL(`${SMS_STATUS_PATH}${query}`, target), {
        method: "POST",
        headers: {
          "content-type": req.headers["content-type"] ?? "application/x-www-form-urlencoded",
          ...(typeof signature === "string" && { "x-twilio-signature": signature }),
        },
        body: Buffer.concat(chunks),
        signal: AbortSignal.timeout(10_000),
      });
      await answer.arrayBuffer();
      reply(res, answer.status);
    } catch (error) {
      options.logger.warn({ err: error }, "SMS status callback could not be handed to insights");
      // The provider retries a callback that failed with a 5xx.
      reply(res, 502);
    }
  };
}
