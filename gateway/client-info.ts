import type { IncomingMessage } from "node:http";

import type { ClientInfo } from "../platform/auth/caller.js";

/**
 * The client's address and user agent. X-Forwarded-For is believed only behind a trusted proxy;
 * otherwise anyone could pick the IP that per-IP throttles count against.
 */
export function clientInfoOf(req: IncomingMessage, trustProxy: boolean): ClientInfo {
  const forwarded = trustProxy ? req.headers["x-forwarded-for"] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const ip = first || req.socket.remoteAddress || undefined;
  const userAgent = req.headers["user-agent"]?.slice(0, 256);
  return { ip: ip?.replace(/^::ffff:/, ""), userAgent };
}
