import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * Whether two client addresses are on the same network, as far as "a new device" cares: the same
 * IPv4 /24 or IPv6 /48 (a home or office line keeps its prefix while the host part moves, and an
 * IPv4-mapped IPv6 address counts as its IPv4 one). Unknown addresses match only each other.
 */
export function sameNetwork(a: string | null, b: string | null): boolean {
  const left = plain(a);
  const right = plain(b);
  if (left === null || right === null) return left === right;
  const family = isIPv4(left) ? "ipv4" : isIPv6(left) ? "ipv6" : null;
  if (family === null || (family === "ipv4" ? !isIPv4(right) : !isIPv6(right))) return left === right;
  const network = new BlockList();
  network.addSubnet(left, family === "ipv4" ? 24 : 48, family);
  return network.check(right, family);
}

function plain(ip: string | null): string | null {
  if (ip === null || ip.trim() === "") return null;
  const trimmed = ip.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

export interface EarlierSession {
  device: string | null;
  ip: string | null;
}

/**
 * A sign-in is from a new device when no earlier session of the user had the same user agent on
 * the same network (a missing address matches a missing one, so a client that never sends one is
 * judged by its user agent alone).
 */
export function isNewDevice(earlier: readonly EarlierSession[], userAgent: string | null, ip: string | null): boolean {
  return !earlier.some((session) => session.device === userAgent && sameNetwork(session.ip, ip));
}
