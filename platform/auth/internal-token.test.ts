import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";

import { generateInternalKeys, InternalTokenSigner, InternalTokenVerifier } from "./internal-token.js";

describe("internal caller token", () => {
  it("round-trips the caller and trace id", async () => {
    const keys = await generateInternalKeys();
    const token = await new InternalTokenSigner(keys.privateKey).sign({ userId: "u1", scopes: ["read"], apiKeyId: "k1" }, "t1");
    const { caller, traceId } = await new InternalTokenVerifier(keys.publicKey).verify(token);
    expect(caller).toEqual({ userId: "u1", scopes: ["read"], apiKeyId: "k1" });
    expect(traceId).toBe("t1");
  });

  it("rejects a missing token, another key's token, a forged alg:none token and an expired one", async () => {
    const keys = await generateInternalKeys();
    const other = await generateInternalKeys();
    const verifier = new InternalTokenVerifier(keys.publicKey);
    await expect(verifier.verify(undefined)).rejects.toThrow(/missing/);
    await expect(
      verifier.verify(await new InternalTokenSigner(other.privateKey).sign({ userId: "u1", scopes: [] }, "t")),
    ).rejects.toThrow();
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ sub: "u1", iss: "moneta-gateway", aud: "moneta-subgraphs" })).toString("base64url");
    await expect(verifier.verify(`${header}.${body}.`)).rejects.toThrow();
    const hs = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u1")
      .sign(new TextEncoder().encode("x".repeat(32)));
    await expect(verifier.verify(hs)).rejects.toThrow();
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: "EdDSA" })
      .setIssuer("moneta-gateway")
      .setAudience("moneta-subgraphs")
      .setSubject("u1")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(keys.privateKey);
    await expect(verifier.verify(expired)).rejects.toThrow();
  });
});
