import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { SecretBox } from "../../../platform/crypto/index.js";
import { verifyMonetaSignature } from "./verify-signature.example.js";
import { DEFAULT_BACKOFF, nextAttemptAt, retryDelayMs } from "./webhook-backoff.js";
import { newSigningSecret, signatureHeader, signatureOf } from "./webhook-signature.js";

describe("signatures", () => {
  const body = JSON.stringify({ id: "e1", type: "ping", createdAt: "2026-01-01T00:00:00.000Z", data: {} });
  const t = 1_800_000_000;

  it("is HMAC-SHA256 over `${t}.${body}` in hex, one v1 per secret", () => {
    // Computed independently: printf '1800000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureOf("whsec_test", t, `{"a":1}`)).toBe("7de5e6bbc99c65ef0ddccacd4308ba03a5a12eb8859a0db070c5ca731c4fdc19");
    const header = signatureHeader(["whsec_a", "whsec_b"], t, body);
    expect(header).toBe(`t=${t},v1=${signatureOf("whsec_a", t, body)},v1=${signatureOf("whsec_b", t, body)}`);
  });

  it("verifies with the documented snippet, for either secret during a rotation", () => {
    const header = signatureHeader(["whsec_new", "whsec_old"], t, body);
    expect(verifyMonetaSignature(body, header, "whsec_new", t + 10)).toBe(true);
    expect(verifyMonetaSignature(body, header, "whsec_old", t - 10)).toBe(true);
    expect(verifyMonetaSignature(body, header, "whsec_other", t)).toBe(false);
  });

  it("rejects a tampered body, a forged timestamp, and one outside the 5-minute window", () => {
    const header = signatureHeader(["whsec_a"], t, body);
    expect(verifyMonetaSignature(body.replace("ping", "pong"), header, "whsec_a", t)).toBe(false);
    expect(verifyMonetaSignature(body, header.replace(`t=${t}`, `t=${t + 1}`), "whsec_a", t)).toBe(false);
    expect(verifyMonetaSignature(body, header, "whsec_a", t + 300)).toBe(true);
    expect(verifyMonetaSignature(body, header, "whsec_a", t + 301)).toBe(false);
    expect(verifyMonetaSignature(body, "v1=abc", "whsec_a", t)).toBe(false);
    expect(verifyMonetaSignature(body, `t=${t},v1=zz`, "whsec_a", t)).toBe(false);
  });
});

describe("retry backoff", () => {
  it("stays within [0, min(max, base·2^(n-1))], full jitter", () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      const ceiling = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** (attempt - 1));
      expect(retryDelayMs(attempt, DEFAULT_BACKOFF, () => 0)).toBe(0);
      expect(retryDelayMs(attempt, DEFAULT_BACKOFF, () => 0.999999999)).toBe(ceiling);
      const sample = retryDelayMs(attempt, DEFAULT_BACKOFF);
      expect(sample).toBeGreaterThanOrEqual(0);
      expect(sample).toBeLessThanOrEqual(ceiling);
    }
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0.999999999)).toBe(30_000);
    expect(retryDelayMs(10_000, DEFAULT_BACKOFF, () => 0.999999999)).toBe(3_600_000);
  });

  it("gives up once the next try would fall past 24 hours after queueing", () => {
    const queued = new Date("2026-01-01T00:00:00Z");
    const late = new Date(queued.getTime() + DEFAULT_BACKOFF.windowMs - 1000);
    expect(nextAttemptAt(20, queued, late, DEFAULT_BACKOFF, () => 0)).toEqual(late);
    expect(nextAttemptAt(20, queued, late, DEFAULT_BACKOFF, () => 0.5)).toBeNull();
  });
});

describe("secrets at rest", () => {
  it("are whsec_ and 32 random bytes", () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(6), "base64url")).toHaveLength(32);
    expect(newSigningSecret()).not.toBe(secret);
  });

  it("are sealed with AES-256-GCM bound to their endpoint", () => {
    const box = new SecretBox(Buffer.alloc(32, 7));
    const sealed = box.seal("whsec_x", "endpoint-1");
    expect(sealed).not.toContain("whsec_x");
    expect(box.open(sealed, "endpoint-1")).toBe("whsec_x");
    expect(() => box.open(sealed, "endpoint-2")).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 8)).open(sealed, "endpoint-1")).toThrow();
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString("base64url")].join("."), "endpoint-1")).toThrow();
  });
});

describe("the README's verification snippet", () => {
  it("is verify-signature.example.ts, word for word", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const block = /<!-- webhook-verify:start -->\n```ts\n([\s\S]*?)```\n<!-- webhook-verify:end -->/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(new URL("./verify-signature.example.ts", import.meta.url), "utf8"));
  });
});
