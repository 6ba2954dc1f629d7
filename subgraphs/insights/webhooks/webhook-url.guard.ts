import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

import type { UrlPolicy } from "./webhook.config.js";
import { addressAllowed, classifyAddress } from "./webhook-address.js";

export const MAX_URL_LENGTH = 2048;

/** Why a URL is refused, in words for the `url` field's error or the delivery log. */
export class UnsafeUrlError extends Error {
  override name = "UnsafeUrlError";
}

/** The checked address a delivery connects to, and the URL it was checked for. */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** The URL's own rules, before any DNS: scheme, credentials, host; an IP literal is judged here. */
export function parseWebhookUrl(raw: string, policy: UrlPolicy): URL {
  if (raw.length > MAX_URL_LENGTH) throw new UnsafeUrlError(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UnsafeUrlError("is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UnsafeUrlError("must be an https:// URL");
  if (url.protocol === "http:" && !policy.allowHttp) throw new UnsafeUrlError("must be https:// in production");
  if (url.username || url.password) throw new UnsafeUrlError("must not carry credentials");
  if (url.hash) throw new UnsafeUrlError("must not have a #fragment");
  const host = hostOf(url);
  if (!host) throw new UnsafeUrlError("must name a host");
  if (isIP(host)) assertAllowed(host, policy);
  // Names the resolver answers itself, whatever DNS says; refused before a lookup is made.
  else if (host === "localhost" || host.endsWith(".localhost")) assertAllowed("127.0.0.1", policy);
  return url;
}

/** The hostname without IPv6 brackets or a trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
}

function assertAllowed(address: string, policy: UrlPolicy): void {
  if (addressAllowed(address, policy)) return;
  const where = classifyAddress(address);
  throw new UnsafeUrlError(
    where === "never" ? "points at an address no webhook may reach" : `points inside the network (${where} address)`,
  );
}

/**
 * Resolves the host once and checks every address it has (one bad address refuses the URL: a name
 * that answers both public and private addresses is the DNS-rebinding trick); the delivery then
 * connects to the first, and only to it.
 */
export async function resolveWebhookTarget(raw: string, policy: UrlPolicy, resolve: Resolver = systemResolver): Promise<WebhookTarget> {
  const url = parseWebhookUrl(raw, policy);
  const host = hostOf(url);
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new UnsafeUrlError(`host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new UnsafeUrlError(`host ${host} does not resolve`);
  for (const { address } of addresses) assertAllowed(address, policy);
  const [first] = addresses;
  return { url, address: first!.address, family: first!.family === 6 ? 6 : 4 };
}
