import type { Logger } from "pino";

import { ACCESS_TOKEN } from "../../platform/auth/access-token.js";
import type { InternalTokenSigner } from "../../platform/auth/internal-token.js";
import type { EventBus } from "../../platform/events/bus.js";
import type { Clock } from "../../platform/time/clock.js";
import { IdentityApiKeyResolver } from "./api-key-resolver.js";
import type { Authenticator } from "./authenticator.js";
import { cachingAuthenticator } from "./caching-authenticator.js";
import { type ApiKeyResolver, jwtAuthenticator } from "./jwt-authenticator.js";
import { refuseRevokedSessions, SessionRevocations } from "./session-revocations.js";

export interface GatewayAuthenticatorOptions {
  /** Replaces token verification altogether (tests); revocations still apply. */
  authenticator?: Authenticator;
  apiKeys?: ApiKeyResolver;
  jwksUrl?: string;
  identityUrl?: string;
  bus?: EventBus;
  clock?: Clock;
  signer: InternalTokenSigner;
  logger: Logger;
}

export interface GatewayAuthenticator {
  authenticator: Authenticator;
  /** Stops the consumers it started (API key revocations, signed-out sessions). */
  close(): Promise<void>;
}

/**
 * How the gateway knows who calls: access tokens verified against identity's JWKS (cached per token
 * for a minute), API keys resolved by identity, and sessions refused as soon as identity announces
 * them signed out. Resolves once both consumers will see what identity publishes from now on.
 */
export async function startGatewayAuthenticator(options: GatewayAuthenticatorOptions): Promise<GatewayAuthenticator> {
  const { identityUrl, clock, logger } = options;
  // Built only when nothing else resolves keys, so a custom authenticator starts no consumer.
  const ownApiKeys =
    !options.authenticator && !options.apiKeys && identityUrl
      ? new IdentityApiKeyResolver({
          url: identityUrl,
          signer: options.signer,
          bus: options.bus,
          logger,
          now: clock ? () => clock.now().getTime() : undefined,
        })
      : undefined;
  const revocations = options.bus ? new SessionRevocations({ bus: options.bus, logger }) : undefined;
  try {
    await Promise.all([ownApiKeys?.start(), revocations?.start()]);
  } catch (error) {
    await Promise.allSettled([ownApiKeys?.close(), revocations?.close()]);
    throw error;
  }
  const close = async () => {
    await ownApiKeys?.close();
    await revocations?.close();
  };
  const verified =
    options.authenticator ??
    // One EdDSA verification per access token per minute, not per request.
    cachingAuthenticator(
      jwtAuthenticator({
        jwksUrl: options.jwksUrl ?? new URL(ACCESS_TOKEN.jwksPath, identityUrl ?? "http://127.0.0.1:4001").toString(),
        apiKeys: options.apiKeys ?? ownApiKeys,
        currentDate: clock ? () => clock.now() : undefined,
      }),
      { now: clock ? () => clock.now().getTime() : undefined },
    );
  // Signed-out sessions are refused at once, cached verification or not.
  return { authenticator: revocations ? refuseRevokedSessions(verified, revocations) : verified, close };
}
