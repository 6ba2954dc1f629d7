import { describe, expect, it } from "vitest";

import { isNewDevice, sameNetwork } from "./device-network.js";

describe("sameNetwork", () => {
  it("groups IPv4 by /24 and IPv6 by /48", () => {
    expect(sameNetwork("203.0.113.7", "203.0.113.250")).toBe(true);
    expect(sameNetwork("203.0.113.7", "203.0.114.7")).toBe(false);
    expect(sameNetwork("2001:db8:aa:1::1", "2001:db8:aa:ffff::9")).toBe(true);
    expect(sameNetwork("2001:db8:aa::1", "2001:db8:ab::1")).toBe(false);
  });

  it("treats IPv4-mapped IPv6 as IPv4 and never matches across families", () => {
    expect(sameNetwork("::ffff:198.51.100.4", "198.51.100.99")).toBe(true);
    expect(sameNetwork("198.51.100.4", "2001:db8::1")).toBe(false);
  });

  it("matches a missing address only with a missing one", () => {
    expect(sameNetwork(null, null)).toBe(true);
    expect(sameNetwork(null, "198.51.100.4")).toBe(false);
    expect(sameNetwork("", null)).toBe(true);
  });
});

describe("isNewDevice", () => {
  const earlier = [{ device: "Firefox", ip: "203.0.113.7" }];
  it("is new without a session of the same user agent on the same network", () => {
    expect(isNewDevice([], "Firefox", "203.0.113.7")).toBe(true);
    expect(isNewDevice(earlier, "Firefox", "203.0.113.99")).toBe(false);
    expect(isNewDevice(earlier, "Chrome", "203.0.113.7")).toBe(true);
    expect(isNewDevice(earlier, "Firefox", "192.0.2.1")).toBe(true);
    expect(isNewDevice([{ device: "curl", ip: null }], "curl", null)).toBe(false);
  });
});
