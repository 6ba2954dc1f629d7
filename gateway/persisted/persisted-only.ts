import type { Authenticator } from "../auth/authenticator.js";

/**
 * A production gateway that accepts only the trusted documents (GATEWAY_PERSISTED_ONLY): every
 * caller, signed in, with an API key or anonymous, is held to the manifest exactly as a
 * safelist-only API key is, over HTTP and graphql-ws alike. The gateway's own operations (upload
 * completion, live lookups) do not come through here and are not held.
 */
export function holdToManifest(authenticator: Authenticator): Authenticator {
  return {
    authenticate: async (req) => ({ ...(await authenticator.authenticate(req)), safelistOnly: true }),
  };
}
