import { createHash } from "node:crypto";

import type { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "pino";

import type { Caller } from "../../platform/auth/caller.js";
import type { ClientError } from "../../platform/errors/errors.js";
import type { GatewayContext } from "../context.js";
import { persistedQueryRequiredError } from "./errors.js";
import type { PersistedDocuments } from "./persisted-documents.js";

/** Marks the boot-time warm-up requests; a symbol survives Apollo's per-request context clone. */
const WARM_UP = Symbol("persisted-documents-warm-up");

type WarmUpContext = GatewayContext & { [WARM_UP]?: true };

/**
 * Holds safelist-only API keys to the manifest: an operation runs only when its sha256 (Apollo's
 * `queryHash`, whether it came as documentId, APQ hash or text) is a manifest id. Checked in
 * `didResolveOperation`, the hook whose errors Apollo answers as such: nothing executes, and an
 * APQ registration attempt is not stored. Also ends the warm-up requests before execution.
 */
export function persistedOperationsPlugin(documents: PersistedDocuments): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      if ((contextValue as WarmUpContext)[WARM_UP]) {
        // Parsed, validated and stored in Apollo's document cache by now; nothing to execute.
        return {
          responseForOperation: async ({ response }) => ({ http: response.http, body: { kind: "single", singleResult: { data: null } } }),
        };
      }
      if (!contextValue.caller.safelistOnly) return undefined;
      return {
        async didResolveOperation({ queryHash }) {
          if (!documents.hasQueryHash(queryHash)) throw persistedQueryRequiredError();
        },
      };
    },
  };
}

/**
 * The same rule for operations that do not pass through Apollo (graphql-ws subscriptions): the
 * text as sent must be a manifest document. Returns the error to answer with, or undefined.
 */
export function safelistRefusal(documents: PersistedDocuments, caller: Caller, query: string): ClientError | undefined {
  if (!caller.safelistOnly) return undefined;
  return documents.hasQueryHash(createHash("sha256").update(query).digest("hex")) ? undefined : persistedQueryRequiredError();
}

/**
 * Runs every manifest document through Apollo's own pipeline once at boot, stopping before
 * execution: each is parsed and validated with exactly the rules requests get and kept in Apollo's
 * document cache under its hash, so the first integrator request skips both. A document that no
 * longer validates against the served schema is logged (codegen and its drift test should have
 * caught it). Needs {@link persistedOperationsPlugin} installed.
 */
export async function warmUpPersistedDocuments(
  apollo: ApolloServer<GatewayContext>,
  documents: PersistedDocuments,
  context: GatewayContext,
  logger: Logger,
): Promise<void> {
  // Keeps the context's prototype: its methods (internalToken, signIn) live there, not in own fields.
  const contextValue: WarmUpContext = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as GatewayContext, context, {
    [WARM_UP]: true as const,
  });
  for (const [documentId, query] of documents.entries()) {
    const response = await apollo.executeOperation({ query }, { contextValue });
    const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
    const invalid = errors?.filter(
      (e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED" || e.extensions?.code === "GRAPHQL_PARSE_FAILED",
    );
    if (invalid?.length)
      logger.warn({ documentId, errors: invalid.map((e) => e.message) }, "persisted document does not validate against the served schema");
  }
}
