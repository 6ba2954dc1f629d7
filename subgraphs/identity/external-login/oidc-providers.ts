import * as oidc from "openid-client";
import type { Logger } from "pino";

import type { OidcProviderConfig } from "./external-login.config.js";
import { externalLoginDenied, externalLoginFailed, providerUnavailable, unknownProvider } from "./external-login.errors.js";

/** What Moneta needs to know about the person a provider signed in. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** The per-attempt secrets the callback is checked against. */
export interface AttemptSecrets {
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

const SCOPE = "openid email profile";
/** Seconds a provider gets to answer before the user sees EXTERNAL_PROVIDER_UNAVAILABLE. */
const TIMEOUT_SECONDS = 10;

/**
 * The configured providers and the openid-client plumbing to talk to them. Discovery happens on
 * first use and is cached for the life of the process: booting must not depend on every provider
 * being up, and a provider that is down affects only sign-ins through it.
 */
export class OidcProviders {
  private readonly byName: ReadonlyMap<string, OidcProviderConfig>;
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    providers: readonly OidcProviderConfig[],
    private readonly logger: Logger,
  ) {
    this.byName = new Map(providers.map((p) => [p.name, p]));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The provider's settings, or BAD_USER_INPUT for a name that is not configured. */
  require(name: string): OidcProviderConfig {
    const provider = this.byName.get(name);
    if (!provider) throw unknownProvider();
    return provider;
  }

  async authorizationUrl(provider: OidcProviderConfig, secrets: AttemptSecrets): Promise<string> {
    const config = await this.configuration(provider);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: secrets.redirectUri,
      scope: SCOPE,
      state: secrets.state,
      nonce: secrets.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
      code_challenge_method: "S256",
    }).href;
  }

  /**
   * Redeems the code in the callback URL. openid-client checks the response's `state` and `iss`,
   * sends the PKCE verifier, and checks the ID token's issuer, audience, times and `nonce`.
   */
  async redeem(provider: OidcProviderConfig, callbackUrl: URL, secrets: AttemptSecrets): Promise<ProviderIdentity> {
    const config = await this.configuration(provider);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error("no ID token in the token response");
      let claims: Record<string, unknown> = idToken;
      if (typeof idToken.email !== "string") {
        // Providers that follow OIDC Core §5.4 strictly put scope-requested claims only in UserInfo
        // when an access token is issued; openid-client checks its `sub` is the ID token's.
        claims = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      }
      return {
        subject: idToken.sub,
        email: typeof claims.email === "string" ? claims.email : null,
        // Some providers send the boolean as a string.
        emailVerified: claims.email_verified === true || claims.email_verified === "true",
        name: typeof claims.name === "string" ? claims.name : null,
      };
    } catch (error) {
      if (isUnreachable(error)) {
        this.logger.warn({ provider: provider.name, err: error }, "external login: provider unreachable during code redemption");
        throw providerUnavailable(provider.name);
      }
      if (error instanceof oidc.AuthorizationResponseError) {
        this.logger.info({ provider: provider.name, error: error.error }, "external login: provider returned an error to the callback");
        throw externalLoginDenied(provider.name);
      }
      this.logger.warn(
        { provider: provider.name, err: error, code: (error as { code?: unknown }).code },
        "external login: callback rejected",
      );
      throw externalLoginFailed();
    }
  }

  private configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let pending = this.discovered.get(provider.name);
    if (!pending) {
      pending = oidc
        .discovery(provider.issuer, provider.clientId, provider.clientSecret, clientAuth(provider), {
          timeout: TIMEOUT_SECONDS,
          execute: provider.allowHttp ? [oidc.allowInsecureRequests] : [],
        })
        .catch((error: unknown) => {
          // Forget the failure so the next sign-in tries again once the provider is back.
          this.discovered.delete(provider.name);
          this.logger.warn({ provider: provider.name, issuer: provider.issuer.href, err: error }, "external login: discovery failed");
          throw providerUnavailable(provider.name);
        });
      this.discovered.set(provider.name, pending);
    }
    return pending;
  }
}

function clientAuth(provider: OidcProviderConfig): oidc.ClientAuth {
  switch (provider.tokenAuthMethod) {
    case "none":
      return oidc.None();
    case "client_secret_post":
      return oidc.ClientSecretPost(provider.clientSecret);
    case "client_secret_basic":
      return oidc.ClientSecretBasic(provider.clientSecret);
  }
}

/** Network failures, timeouts and 5xx answers: the provider is down, not the callback wrong. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError && error.message === "fetch failed") return true;
  if (error instanceof oidc.ResponseBodyError && error.status >= 500) return true;
  if (error instanceof oidc.ClientError) {
    if (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT") return true;
    if (error.cause instanceof Response && error.cause.status >= 500) return true;
  }
  return false;
}
