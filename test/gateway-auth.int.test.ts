import { createHmac } from "node:crypto";

import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ACCESS_TOKEN } from "../platform/auth/access-token.js";
import { realServicesConfig } from "../platform/testing/services.js";
import type { IdentityDeps } from "../subgraphs/identity/identity.deps.js";
import { bearer, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const ME = `{ me { id } }`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("gateway authentication", () => {
  let sg: TestSupergraph;
  let user: RegisteredUser;
  let identity: IdentityDeps;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig());
    user = await sg.register("Uma");
    identity = sg.subgraph<IdentityDeps>("identity").deps;
  });
  afterAll(async () => sg?.close());

  const claims = () => ({
    sub: user.id,
    sid: "00000000-0000-4000-8000-000000000001",
    iss: ACCESS_TOKEN.issuer,
    aud: ACCESS_TOKEN.audience,
  });
  async function signWithIdentityKey(overrides: { exp?: number; aud?: string; iss?: string } = {}) {
    const { kid, privateKey } = await identity.signingKeys.current();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims(), ...overrides })
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setIssuedAt(now - 60)
      .setExpirationTime(overrides.exp ?? now + 600)
      .sign(privateKey);
  }

  async function expectRefused(token: string, message?: RegExp) {
    const r = await sg.query(ME, {}, bearer(token));
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|at [A-Za-z]+ \(/);
    if (message) expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.data?.me).toBeUndefined();
  }

  it("accepts identity's own token", async () => {
    expect((await sg.query(ME, {}, user.headers)).data.me.id).toBe(user.id);
    expect((await sg.query(ME, {}, bearer(await signWithIdentityKey()))).data.me.id).toBe(user.id);
  });

  it("refuses an expired token", async () => {
    await expectRefused(await signWithIdentityKey({ exp: Math.floor(Date.now() / 1000) - 5 }), /expired/);
  });

  it("refuses alg: none", async () => {
    const { kid } = await identity.signingKeys.current();
    await expectRefused(`${b64({ alg: "none", kid })}.${b64({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600 })}.`);
  });

  it("refuses an HS256 token signed with the public key as the HMAC secret", async () => {
    const jwks = (await (await fetch(sg.all.urls.identity!.replace("/graphql", ACCESS_TOKEN.jwksPath))).json()) as {
      keys: Array<{ kid: string; x: string }>;
    };
    const key = jwks.keys[0]!;
    const unsigned = `${b64({ alg: "HS256", kid: key.kid })}.${b64({ ...claims(), exp: Math.floor(Date.now() / 1000) + 600 })}`;
    for (const secret of [key.x, Buffer.from(key.x, "base64url"), JSON.stringify(key)]) {
      const signature = createHmac("sha256", secret).update(unsigned).digest("base64url");
      await expectRefused(`${unsigned}.${signature}`);
    }
  });

  it("refuses a token signed by an unknown key (unknown kid), and one with another audience or issuer", async () => {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const forged = await new SignJWT(claims())
      .setProtectedHeader({ alg: "EdDSA", kid: "not-a-moneta-key" })
      .setExpirationTime("10m")
      .sign(privateKey);
    await expectRefused(forged);
    await expectRefused(await signWithIdentityKey({ aud: "someone-else" }));
    await expectRefused(await signWithIdentityKey({ iss: "https://evil.example" }));
  });

  it("refuses malformed credentials and stays up", async () => {
    for (const header of ["Bearer", "Bearer x.y", "Basic dXNlcjpwYXNz", `Bearer ${"a".repeat(10_000)}.b.c`]) {
      const r = await sg.query(ME, {}, { authorization: header });
      expect(r.errors?.[0]?.extensions?.code, header.slice(0, 20)).toBe("UNAUTHENTICATED");
    }
    expect((await fetch(sg.gateway.url.replace("/graphql", "/health"))).status).toBe(200);
  });
});
