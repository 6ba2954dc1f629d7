import { describe, expect, it } from "vitest";

import { BODY_LENGTH, hashApiKeySecret, isApiKeySecretShape, newApiKeySecret, PREFIX_LENGTH, randomBase62 } from "./api-key-secret.js";

describe("API key secrets", () => {
  it("are mk_<8 base62>_<43 base62>, at least 256 bits, with the prefix visible and only a hash to store", () => {
    const { secret, prefix, hash } = newApiKeySecret();
    expect(secret).toMatch(/^mk_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/);
    expect(secret.startsWith(`mk_${prefix}_`)).toBe(true);
    expect((PREFIX_LENGTH + BODY_LENGTH) * Math.log2(62)).toBeGreaterThanOrEqual(256);
    expect(BODY_LENGTH * Math.log2(62)).toBeGreaterThanOrEqual(256);
    expect(hash).toBe(hashApiKeySecret(secret));
    expect(hash).not.toContain(secret.slice(12));
    expect(isApiKeySecretShape(secret)).toBe(true);
  });

  it("never repeat and use the whole alphabet evenly", () => {
    const secrets = new Set(Array.from({ length: 2_000 }, () => newApiKeySecret().secret));
    expect(secrets.size).toBe(2_000);
    const counts = new Map<string, number>();
    for (const c of randomBase62(62_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // ~1000 each; modulo bias would push the first characters ~25% higher.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1_200);
    }
  });

  it("refuse anything else by shape", () => {
    const { secret } = newApiKeySecret();
    for (const bad of [
      "",
      "mk_",
      secret.slice(0, -1),
      `${secret}x`,
      secret.replace("mk_", "mx_"),
      secret.replace(/.$/, "-"),
      ` ${secret}`,
    ]) {
      expect(isApiKeySecretShape(bad), bad).toBe(false);
    }
  });
});
