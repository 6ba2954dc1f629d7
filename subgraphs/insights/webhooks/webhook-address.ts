import { BlockList, isIP } from "node:net";

/** Where an address points, for the SSRF rules. */
export type AddressClass = "public" | "loopback" | "private" | "never";

type Range = [network: string, prefix: number];

const block = (v4: Range[], v6: Range[]): BlockList => {
  const list = new BlockList();
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, "ipv4");
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, "ipv6");
  return list;
};

const LOOPBACK = block([["127.0.0.0", 8]], [["::1", 128]]);

/** Inside someone's network: refused unless private networks are allowed. */
const PRIVATE = block(
  [
    ["10.0.0.0", 8],
    ["100.64.0.0", 10], // carrier-grade NAT
    ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15], // benchmarking
  ],
  [
    ["fc00::", 7], // unique local
    ["fe80::", 10], // link-local
    ["fec0::", 10], // site-local (deprecated, still routed by some)
  ],
);

/** Nothing a webhook can mean: refused whatever the settings. */
const NEVER = block(
  [
    ["0.0.0.0", 8], // "this network", 0.0.0.0 reaches the local host on Linux
    ["192.0.0.0", 24], // IETF protocol assignments
    ["192.0.2.0", 24], // documentation
    ["192.88.99.0", 24], // 6to4 relay anycast
    ["198.51.100.0", 24], // documentation
    ["203.0.113.0", 24], // documentation
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
  ],
  [
    ["::", 128], // unspecified
    ["::", 96], // IPv4-compatible (deprecated): would smuggle any IPv4 address
    ["64:ff9b::", 96], // NAT64: an IPv4 address behind a prefix the checks above do not see
    ["64:ff9b:1::", 48], // local-use NAT64
    ["100::", 64], // discard
    ["2001::", 23], // IETF protocol assignments, Teredo among them
    ["2001:db8::", 32], // documentation
    ["2002::", 16], // 6to4: an IPv4 address inside
    ["ff00::", 8], // multicast
  ],
);

/**
 * The embedded IPv4 address of an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, `::ffff:a00:1`, or
 * spelt out in full), so it is judged as the IPv4 address it reaches; undefined otherwise.
 */
export function mappedIpv4(address: string): string | undefined {
  if (isIP(address) !== 6) return undefined;
  // The WHATWG URL parser writes every IPv6 address in one canonical, compressed, hex form.
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!hex) return undefined;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** What `address` (an IP literal) reaches; anything that is not an IP address is "never". */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = mappedIpv4(bare);
  const ip = mapped ?? bare;
  const family = isIP(ip);
  if (family === 0) return "never";
  const type = family === 4 ? "ipv4" : "ipv6";
  // Loopback first: ::1 lies inside ::/96, which is never allowed.
  if (LOOPBACK.check(ip, type)) return "loopback";
  if (NEVER.check(ip, type)) return "never";
  if (PRIVATE.check(ip, type)) return "private";
  return "public";
}

export interface AddressPolicy {
  allowPrivateNetworks: boolean;
  allowLoopback: boolean;
}

/** Whether the settings let a webhook reach `address`. */
export function addressAllowed(address: string, policy: AddressPolicy): boolean {
  switch (classifyAddress(address)) {
    case "public":
      return true;
    case "loopback":
      return policy.allowLoopback || policy.allowPrivateNetworks;
    case "private":
      return policy.allowPrivateNetworks;
    case "never":
      return false;
  }
}
