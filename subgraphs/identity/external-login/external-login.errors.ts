import { badInput, ClientError, forbidden, unauthenticated } from "../../../platform/errors/index.js";

/** The provider's discovery, token or UserInfo endpoint did not answer; worth retrying later. */
export const PROVIDER_UNAVAILABLE = "EXTERNAL_PROVIDER_UNAVAILABLE";

export const providerUnavailable = (provider: string) =>
  new ClientError(PROVIDER_UNAVAILABLE, `${provider} cannot be reached right now; try again later`, { provider });

export const unknownProvider = () => badInput("unknown sign-in provider", { field: "provider" });

export const unregisteredRedirectUri = () => badInput("redirectUri is not registered for this provider", { field: "redirectUri" });

/**
 * Unknown, expired, used or foreign state, a code the provider refused, a nonce or PKCE mismatch:
 * one answer for all, so a caller probing callbacks learns nothing about which check failed.
 */
export const externalLoginFailed = () => unauthenticated("external sign-in failed or expired; start again");

/** The user said no (or the provider did): worth telling them apart from a broken flow. */
export const externalLoginDenied = (provider: string) => unauthenticated(`sign-in was cancelled at ${provider}; start again`);

export const unverifiedEmail = (provider: string) => forbidden(`verify your e-mail with ${provider}, then sign in again`);

export const missingEmail = (provider: string) =>
  forbidden(`${provider} did not share a usable e-mail address; allow access to it and sign in again`);
