import { describe, expect, it } from "vitest";

import { loadExternalLoginConfig } from "./external-login.config.js";
import { displayNameFor } from "./external-login.service.js";

const acme = {
  OIDC_PROVIDERS: "Acme",
  OIDC_ACME_ISSUER: "https://id.acme.test",
  OIDC_ACME_CLIENT_ID: "moneta",
  OIDC_ACME_REDIRECT_URIS: "https://app.moneta.test/auth/callback, https://app.moneta.test",
};

describe("external login config", () => {
  it("is empty without OIDC_PROVIDERS", () => {
    expect(loadExternalLoginConfig({}).providers).toEqual([]);
  });

  it("reads a public client, normalising names and redirect URIs", () => {
    const [p] = loadExternalLoginConfig(acme).providers;
    expect(p).toMatchObject({ name: "acme", clientId: "moneta", tokenAuthMethod: "none", allowHttp: false });
    expect(p!.issuer.href).toBe("https://id.acme.test/");
    expect(p!.redirectUris).toEqual(["https://app.moneta.test/auth/callback", "https://app.moneta.test/"]);
  });

  it("reads a confidential client, http opt-in and app schemes", () => {
    const [p] = loadExternalLoginConfig({
      ...acme,
      OIDC_ACME_ISSUER: "http://127.0.0.1:9000",
      OIDC_ACME_ALLOW_HTTP: "true",
      OIDC_ACME_CLIENT_SECRET: "s3cret",
      OIDC_ACME_TOKEN_AUTH_METHOD: "client_secret_post",
      OIDC_ACME_REDIRECT_URIS: "http://localhost:5173/cb,com.moneta.app:/oauth",
    }).providers;
    expect(p).toMatchObject({ clientSecret: "s3cret", tokenAuthMethod: "client_secret_post", allowHttp: true });
    expect(p!.redirectUris).toEqual(["http://localhost:5173/cb", "com.moneta.app:/oauth"]);
    expect(loadExternalLoginConfig({ ...acme, OIDC_ACME_CLIENT_SECRET: "s" }).providers[0]!.tokenAuthMethod).toBe("client_secret_basic");
  });

  it("names the bad setting in one line", () => {
    const cases: Array<[Record<string, string | undefined>, RegExp]> = [
      [{ ...acme, OIDC_PROVIDERS: "acme,ACME" }, /^invalid setting OIDC_PROVIDERS: provider "acme" is listed twice$/],
      [{ ...acme, OIDC_PROVIDERS: "ac-me" }, /^invalid setting OIDC_PROVIDERS:/],
      [{ ...acme, OIDC_ACME_ISSUER: undefined }, /^invalid setting OIDC_ACME_ISSUER: required/],
      [{ ...acme, OIDC_ACME_ISSUER: "not a url" }, /^invalid setting OIDC_ACME_ISSUER:/],
      [
        { ...acme, OIDC_ACME_ISSUER: "http://id.acme.test" },
        /^invalid setting OIDC_ACME_ISSUER: plain http is refused; set OIDC_ACME_ALLOW_HTTP=true/,
      ],
      [{ ...acme, OIDC_ACME_ISSUER: "ftp://id.acme.test" }, /^invalid setting OIDC_ACME_ISSUER:/],
      [{ ...acme, OIDC_ACME_CLIENT_ID: " " }, /^invalid setting OIDC_ACME_CLIENT_ID:/],
      [{ ...acme, OIDC_ACME_REDIRECT_URIS: "" }, /^invalid setting OIDC_ACME_REDIRECT_URIS:/],
      [{ ...acme, OIDC_ACME_REDIRECT_URIS: " , " }, /^invalid setting OIDC_ACME_REDIRECT_URIS: must list at least one/],
      [{ ...acme, OIDC_ACME_REDIRECT_URIS: "http://app.moneta.test/cb" }, /^invalid setting OIDC_ACME_REDIRECT_URIS: .* plain http/],
      [
        { ...acme, OIDC_ACME_REDIRECT_URIS: "https://app.moneta.test/cb?next=1" },
        /^invalid setting OIDC_ACME_REDIRECT_URIS: .* query or fragment/,
      ],
      [{ ...acme, OIDC_ACME_REDIRECT_URIS: "javascript:alert(1)" }, /^invalid setting OIDC_ACME_REDIRECT_URIS:/],
      [{ ...acme, OIDC_ACME_ALLOW_HTTP: "yes" }, /^invalid setting OIDC_ACME_ALLOW_HTTP: must be true or false$/],
      [
        { ...acme, OIDC_ACME_TOKEN_AUTH_METHOD: "client_secret_basic" },
        /^invalid setting OIDC_ACME_TOKEN_AUTH_METHOD: .* needs OIDC_ACME_CLIENT_SECRET$/,
      ],
      [
        { ...acme, OIDC_ACME_CLIENT_SECRET: "s", OIDC_ACME_TOKEN_AUTH_METHOD: "private_key_jwt" },
        /^invalid setting OIDC_ACME_TOKEN_AUTH_METHOD:/,
      ],
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        loadExternalLoginConfig(env);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(env)).toBeInstanceOf(Error);
      expect((thrown as Error).name).toBe("ConfigError");
      expect((thrown as Error).message).toMatch(message);
      expect((thrown as Error).message).not.toContain("\n");
    }
  });
});

describe("display name of a new external account", () => {
  it("uses the provider's name, else the e-mail's local part, capped at 100 characters", () => {
    expect(displayNameFor("  Ada Lovelace ", "ada@example.com")).toBe("Ada Lovelace");
    expect(displayNameFor("   ", "ada.l@example.com")).toBe("ada.l");
    expect(displayNameFor(null, "ada@example.com")).toBe("ada");
    expect(displayNameFor("é".repeat(150), "x@example.com")).toHaveLength(100);
  });
});
