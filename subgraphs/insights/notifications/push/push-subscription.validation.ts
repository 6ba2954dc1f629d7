import { BlockList, isIP } from "node:net";

import { badInput } from "../../../../platform/errors/index.js";

export interface PushSubscriptionInputData {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  userAgent?: string | null;
}

export interface ValidPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
}

const ENDPOINT_MAX = 2048;
const USER_AGENT_MAX = 256;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Addresses a push service never has: the server must not be made to post into its own network. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  INTERNAL.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["::ffff:0:0", 96],
] as const)
  INTERNAL.addSubnet(net, prefix, "ipv6");
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

function literalHost(hostname: string): { address: string; family: "ipv4" | "ipv6" } | null {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  const family = isIP(bare);
  return family === 0 ? null : { address: bare, family: family === 4 ? "ipv4" : "ipv6" };
}

export function isLoopbackHost(hostname: string): boolean {
  if (hostname === "localhost") return true;
  const literal = literalHost(hostname);
  return literal !== null && LOOPBACK.check(literal.address, literal.family);
}

function key(value: string, bytes: number, field: string, what: string): string {
  const trimmed = value.trim();
  const raw = BASE64URL.test(trimmed) ? Buffer.from(trimmed.replace(/=+$/, ""), "base64url") : Buffer.alloc(0);
  if (raw.length !== bytes || (bytes === 65 && raw[0] !== 0x04))
    throw badInput(`${field.split(".").at(-1)} must be ${what} in URL-safe base64`, { field });
  return raw.toString("base64url");
}

/**
 * What a browser's PushSubscription.toJSON() gives, checked: an https endpoint on a public host
 * (http only to a loopback address when `allowLoopbackHttp`), a P-256 public key and a 16-byte
 * auth secret. Keys come back in unpadded base64url, so one subscription always reads the same.
 */
export function validPushSubscription(input: PushSubscriptionInputData, allowLoopbackHttp: boolean): ValidPushSubscription {
  const endpoint = input.endpoint.trim();
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw badInput("endpoint must be a URL", { field: "endpoint" });
  }
  if (endpoint.length > ENDPOINT_MAX) throw badInput(`endpoint must be at most ${ENDPOINT_MAX} characters`, { field: "endpoint" });
  if (url.username || url.password) throw badInput("endpoint must not carry credentials", { field: "endpoint" });
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === "http:") {
    if (!(allowLoopbackHttp && loopback)) throw badInput("endpoint must be an https URL", { field: "endpoint" });
  } else if (url.protocol !== "https:") throw badInput("endpoint must be an https URL", { field: "endpoint" });
  else if (!(allowLoopbackHttp && loopback)) {
    const literal = literalHost(url.hostname);
    if (url.hostname === "localhost" || (literal && INTERNAL.check(literal.address, literal.family)))
      throw badInput("endpoint must be a public push service", { field: "endpoint" });
  }
  const userAgent = input.userAgent?.trim() ? [...input.userAgent.trim()].slice(0, USER_AGENT_MAX).join("") : null;
  return {
    endpoint: url.href,
    p256dh: key(input.keys.p256dh, 65, "keys.p256dh", "an uncompressed P-256 public key (65 bytes)"),
    auth: key(input.keys.auth, 16, "keys.auth", "16 bytes"),
    userAgent,
  };
}
