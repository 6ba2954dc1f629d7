import type { ApolloServerPlugin } from "@apollo/server";

import { SIGNED_IN_EXTENSION, signedInExtension } from "../auth/signed-in.js";
import type { RequestContext } from "./context.js";

/**
 * Adds the `monetaSignedIn` response extension when a resolver of the request signed someone in
 * (`RequestContext.signIn`). Only the identity subgraph signs people in, and the gateway believes
 * the extension from identity alone.
 */
export function signedInPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const signedIn = contextValue.signedIn;
          if (!signedIn || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [SIGNED_IN_EXTENSION]: signedInExtension(signedIn) };
        },
      };
    },
  };
}
