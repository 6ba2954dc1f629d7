import { describe, expect, it } from "vitest";

import { generateInternalKeys, InternalTokenVerifier } from "../../platform/auth/internal-token.js";
import { CachingInternalTokenSigner } from "./caller-token-cache.js";

describe("CachingInternalTokenSigner", () => {
  it("signs each caller once per reuse period, and the token verifies with every claim", async () => {
    const keys = await generateInternalKeys();
    let now = 0;
    const signer = new CachingInternalTokenSigner(keys.privateKey, { reuseMs: 40_000, now: () => now });
    const alice = { userId: "u1", scopes: ["*"], sessionId: "s1" };
    const client = { ip: "10.0.0.1", userAgent: "app/1" };

    const [first, concurrent] = await Promise.all([signer.sign(alice, "trace-1", client), signer.sign(alice, "trace-2", client)]);
    expect(concurrent).toBe(first);
    expect(await signer.sign({ ...alice, scopes: ["*"] }, "trace-3", { ...client })).toBe(first);
    const verified = await new InternalTokenVerifier(keys.publicKey).verify(first);
    expect(verified.caller).toMatchObject({ userId: "u1", scopes: ["*"], sessionId: "s1" });
    expect(verified.client).toEqual(client);

    now = 40_000;
    expect(await signer.sign(alice, "trace-4", client)).not.toBe(first);
  });

  it("never hands one caller's token to another, nor across clients, scopes, keys or sessions", async () => {
    const keys = await generateInternalKeys();
    const signer = new CachingInternalTokenSigner(keys.privateKey);
    const base = { userId: "u1", scopes: ["a"] as string[] };
    const tokens = await Promise.all([
      signer.sign(base, "t"),
      signer.sign({ ...base, userId: "u2" }, "t"),
      signer.sign({ ...base, scopes: ["a", "b"] }, "t"),
      signer.sign({ ...base, apiKeyId: "k1" }, "t"),
      signer.sign({ ...base, sessionId: "s2" }, "t"),
      signer.sign(base, "t", { ip: "10.0.0.2" }),
      signer.sign(base, "t", { userAgent: "other" }),
      signer.sign({ scopes: [] }, "t"),
    ]);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
