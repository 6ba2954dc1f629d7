import type { IncomingMessage } from "node:http";

import { GraphQLError } from "graphql";
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";

import { ACCESS_TOKEN } from "../../platform/auth/access-token.js";
import { anonymousCaller, type Caller } from "../../platform/auth/caller.js";
import type { Authenticator } from "./authenticator.js";

export const unauthenticatedError = (message: string) =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

/** Resolves an integrator's API key to its owner and scopes; null for unknown or revoked keys. */
export interface ApiKeyResolver {
  resolve(secret: string): Promise<Caller | null>;
}

export interface JwtAuthenticatorOptions {
  /** identity's JWKS; keys are fetched on first use and again when a token names an unknown `kid`. */
  jwksUrl: string;
  apiKeys?: ApiKeyResolver;
  /** Tests pin the verification time. */
  currentDate?: () => Date;
}

/**
 * Verifies identity's access tokens: EdDSA only (so `alg: none` and HS256-with-the-public-key are
 * refused), issuer, audience and expiry checked, keys by `kid` from the JWKS so rotation needs no
 * restart. Integrators authenticate with `x-api-key` instead.
 */
export function jwtAuthenticator(options: JwtAuthenticatorOptions): Authenticator {
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUrl), {
    // A token with an unknown kid (a key identity just rotated to) triggers a refetch, at most one
    // a second: a flood of forged kids cannot become a flood of JWKS requests, and a rotation is
    // picked up within a second.
    cooldownDuration: 1_000,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 3_000,
  });

  return {
    async authenticate(req: IncomingMessage): Promise<Caller> {
      const apiKey = req.headers["x-api-key"];
      const authorization = req.headers.authorization;
      if (apiKey !== undefined) {
        if (authorization) throw unauthenticatedError("send either an access token or an API key, not both");
        if (!options.apiKeys || typeof apiKey !== "string") throw unauthenticatedError("invalid API key");
        const caller = await options.apiKeys.resolve(apiKey);
        if (!caller) throw unauthenticatedError("invalid API key");
        return caller;
      }
      if (!authorization) return anonymousCaller;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization);
      if (!match) throw unauthenticatedError("malformed Authorization header");
      try {
        const { payload } = await jwtVerify(match[1]!, keys, {
          algorithms: [ACCESS_TOKEN.algorithm],
          issuer: ACCESS_TOKEN.issuer,
          audience: ACCESS_TOKEN.audience,
          requiredClaims: ["sub", "exp", "iat"],
          currentDate: options.currentDate?.(),
        });
        return {
          userId: payload.sub,
          sessionId: typeof payload.sid === "string" ? payload.sid : undefined,
          expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : undefined,
          // A signed-in user acts with every scope; scopes narrow API keys only.
          scopes: ["*"],
        };
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw unauthenticatedError(code === "ERR_JWT_EXPIRED" ? "access token expired" : "invalid access token");
      }
    },
  };
}
