/**
 * The access-token contract between identity (which signs) and the gateway (which verifies):
 * asymmetric signature with a `kid`, published as JWKS by identity.
 */
export const ACCESS_TOKEN = {
  algorithm: "EdDSA",
  issuer: "moneta-identity",
  audience: "moneta-api",
  ttlSeconds: 15 * 60,
  jwksPath: "/.well-known/jwks.json",
} as const;
