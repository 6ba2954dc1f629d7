import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";

import {
  exportInternalKeys,
  generateInternalKeys,
  InternalTokenError,
  InternalTokenSigner,
  InternalTokenVerifier,
  loadInternalKeys,
} from "./internal-token.js";

// What a subgraph believes about its caller comes only from these claims: each must arrive as the
// gateway signed it, and a claim of the wrong type (or a token for another issuer or audience) must not.
describe("internal caller token: claims", () => {
  it("carries the session, the client's address and its user agent (cut to 256 characters)", async () => {
    const keys = await generateInternalKeys();
    const token = await new InternalTokenSigner(keys.privateKey).sign({ userId: "u1", scopes: ["a", "b"], sessionId: "s1" }, "t1", {
      ip: "203.0.113.7",
      userAgent: "x".repeat(300),
    });
    const { caller, client } = await new InternalTokenVerifier(keys.publicKey).verify(token);
    expect(caller).toEqual({ userId: "u1", scopes: ["a", "b"], sessionId: "s1" });
    expect(client).toEqual({ ip: "203.0.113.7", userAgent: "x".repeat(256) });
  });

  it("an anonymous caller stays anonymous", async () => {
    const keys = await generateInternalKeys();
    const token = await new InternalTokenSigner(keys.privateKey).sign({ scopes: [] }, "t2");
    const { caller, client, traceId } = await new InternalTokenVerifier(keys.publicKey).verify(token);
    expect(caller).toEqual({ scopes: [] });
    expect(caller.userId).toBeUndefined();
    expect(client).toEqual({});
    expect(traceId).toBe("t2");
  });

  it("drops claims of the wrong type and scopes that are not strings; no scopes claim is no scope", async () => {
    const keys = await generateInternalKeys();
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "EdDSA" })
        .setIssuer("moneta-gateway")
        .setAudience("moneta-subgraphs")
        .setSubject("u1")
        .setExpirationTime("60s")
        .sign(keys.privateKey);
    const verifier = new InternalTokenVerifier(keys.publicKey);
    const odd = await verifier.verify(await signed({ scopes: ["a", 1, null], akid: 5, sid: 6, ip: 7, ua: 8, tid: 9 }));
    expect(odd).toEqual({ caller: { userId: "u1", scopes: ["a"] }, client: {} });
    expect(odd.traceId).toBeUndefined();
    expect(odd.caller.apiKeyId).toBeUndefined();
    expect((await verifier.verify(await signed({}))).caller.scopes).toEqual([]);
  });

  it("refuses a token of the right key for another issuer or audience, as InternalTokenError with the reason", async () => {
    const keys = await generateInternalKeys();
    const verifier = new InternalTokenVerifier(keys.publicKey);
    const token = (issuer: string, audience: string) =>
      new SignJWT({ scopes: ["*"] })
        .setProtectedHeader({ alg: "EdDSA" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject("u1")
        .setExpirationTime("60s")
        .sign(keys.privateKey);
    for (const [issuer, audience] of [
      ["someone-else", "moneta-subgraphs"],
      ["moneta-gateway", "another-service"],
    ]) {
      const error = await verifier.verify(await token(issuer!, audience!)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InternalTokenError);
      expect(error).toMatchObject({ name: "InternalTokenError", message: expect.stringMatching(/^invalid internal caller token: .+/) });
    }
  });

  it("keys survive export to PEM and loading back; missing PEM settings load as no key", async () => {
    const keys = await generateInternalKeys();
    const pem = await exportInternalKeys(keys);
    expect(pem.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(pem.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const loaded = await loadInternalKeys(pem);
    const token = await new InternalTokenSigner(loaded.privateKey!).sign({ userId: "u9", scopes: [] }, "t");
    expect((await new InternalTokenVerifier(keys.publicKey).verify(token)).caller.userId).toBe("u9");
    expect((await new InternalTokenVerifier(loaded.publicKey!).verify(token)).caller.userId).toBe("u9");
    expect(await loadInternalKeys({})).toEqual({ privateKey: undefined, publicKey: undefined });
  });
});
