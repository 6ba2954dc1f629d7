import { createECDH, randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { validPushSubscription } from "./push-subscription.validation.js";

const browserKeys = () => ({
  p256dh: createECDH("prime256v1").generateKeys().toString("base64url"),
  auth: randomBytes(16).toString("base64url"),
});
const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe("validPushSubscription", () => {
  it("accepts what a browser gives, normalising the keys to unpadded base64url", () => {
    const keys = browserKeys();
    const padded = {
      p256dh: Buffer.from(keys.p256dh, "base64url").toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
      auth: `${keys.auth}==`,
    };
    const valid = validPushSubscription(
      { endpoint: " https://fcm.googleapis.com/fcm/send/abc ", keys: padded, userAgent: "  Firefox  " },
      false,
    );
    expect(valid).toEqual({ endpoint: "https://fcm.googleapis.com/fcm/send/abc", ...keys, userAgent: "Firefox" });
  });

  it("refuses non-https endpoints, internal hosts and credentials; http to loopback only when allowed", () => {
    const keys = browserKeys();
    const bad = (endpoint: string, allow = false) => fieldOf(() => validPushSubscription({ endpoint, keys }, allow));
    for (const endpoint of [
      "not a url",
      "ftp://push.example/x",
      "http://push.example/x",
      "https://10.1.2.3/x",
      "https://[::1]/x",
      "https://localhost/x",
      "https://u:p@push.example/x",
    ])
      expect(bad(endpoint)).toEqual({ code: "BAD_USER_INPUT", field: "endpoint" });
    expect(bad("http://127.0.0.1:9999/push")).toEqual({ code: "BAD_USER_INPUT", field: "endpoint" });
    expect(bad("http://127.0.0.1:9999/push", true)).toBeUndefined();
    expect(bad("http://192.168.1.2/push", true)).toEqual({ code: "BAD_USER_INPUT", field: "endpoint" });
    expect(bad(`https://push.example/${"x".repeat(2100)}`)).toEqual({ code: "BAD_USER_INPUT", field: "endpoint" });
  });

  it("refuses keys of the wrong length, shape or alphabet", () => {
    const { p256dh, auth } = browserKeys();
    const bad = (keys: { p256dh: string; auth: string }) =>
      fieldOf(() => validPushSubscription({ endpoint: "https://push.example/x", keys }, false))?.field;
    expect(bad({ p256dh: p256dh.slice(0, 40), auth })).toBe("keys.p256dh");
    expect(bad({ p256dh: Buffer.concat([Buffer.from([5]), randomBytes(64)]).toString("base64url"), auth })).toBe("keys.p256dh");
    expect(bad({ p256dh: `${p256dh.slice(0, -2)}+/`, auth })).toBe("keys.p256dh");
    expect(bad({ p256dh, auth: randomBytes(15).toString("base64url") })).toBe("keys.auth");
  });
});
