import { createHash } from "node:crypto";
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { Kind, parse, print, visit, type DirectiveNode, type OperationDefinitionNode } from "graphql";
import { UnauthorizedFieldError, filterOperation, type DeniedField } from "./filter.js";
import { nullDeniedFields } from "./patch.js";
import { ENFORCED_SPECS, extractRequirements, type AuthRequirements, type AuthzCaller } from "./requirements.js";

type GatewayInterface = ApolloServerOptionsWithGateway<never>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

const ANONYMOUS: AuthzCaller = Object.freeze({ scopes: Object.freeze([]) as readonly string[] });

export interface AuthorizedGatewayOptions {
  /** The verified caller of a request; defaults to `context.caller`, and to anonymous without one. */
  callerOf?(context: unknown): AuthzCaller;
}

/**
 * The supergraph as `@apollo/gateway` will load it. Composition links the authenticated and
 * requiresScopes specs `for: SECURITY`, and the gateway refuses any security feature it does not
 * implement itself ("feature ... is for: SECURITY but is unsupported"), which is the right default.
 * `authorizeGateway` enforces these two, so their links lose the purpose and nothing else changes:
 * other security features (e.g. `@policy`) still stop the gateway. Only ever pair this with
 * `authorizeGateway`.
 */
export function supergraphForGateway(supergraphSdl: string): string {
  let changed = false;
  const document = visit(parse(supergraphSdl), {
    Directive(node) {
      if (node.name.value !== "link") return undefined;
      const url = node.arguments?.find((argument) => argument.name.value === "url")?.value;
      if (url?.kind !== Kind.STRING || !ENFORCED_SPECS.some((spec) => spec.test(url.value))) return undefined;
      const args = node.arguments?.filter((argument) => argument.name.value !== "for");
      if (args?.length === node.arguments?.length) return undefined;
      changed = true;
      return { ...node, arguments: args } satisfies DirectiveNode;
    },
  });
  return changed ? print(document) : supergraphSdl;
}

/**
 * Wraps `@apollo/gateway` so every operation is filtered by the supergraph's `@authenticated` and
 * `@requiresScopes` before planning, and the removed fields come back as `null` with an
 * UNAUTHENTICATED (no caller) or FORBIDDEN (missing scope) error each. Pass the result to Apollo Server as `gateway`.
 *
 * Build the gateway from `supergraphForGateway(sdl)`: it will not load the supergraph otherwise.
 * The gateway caches query plans by the request's `queryHash`, so a filtered operation gets its own
 * hash (original hash + the denied coordinates): one caller's plan is never served to another.
 */
export function authorizeGateway(gateway: GatewayInterface, options: AuthorizedGatewayOptions = {}): GatewayInterface {
  const callerOf = options.callerOf ?? defaultCallerOf;
  let requirements: AuthRequirements | undefined;
  let loadedSdl: string | undefined;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    if (coreSupergraphSdl === loadedSdl) return;
    requirements = extractRequirements(coreSupergraphSdl);
    loadedSdl = coreSupergraphSdl;
  });

  const authorize = (execute: GatewayExecutor): GatewayExecutor => async (requestContext) => {
    // Fail closed: never execute unfiltered because the supergraph has not been read yet.
    if (!requirements) throw new Error("authorization requirements not loaded");
    const caller = callerOf(requestContext.context);
    const operationName = requestContext.request.operationName ?? null;
    let filtered;
    try {
      filtered = filterOperation(requestContext.schema, requestContext.document, operationName, requirements, caller);
    } catch (error) {
      if (error instanceof UnauthorizedFieldError) return { errors: [error] };
      throw error;
    }
    const { document, denied } = filtered;
    if (denied.length === 0) return execute(requestContext);
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    const result = await execute({ ...requestContext, document, operation, queryHash: filteredQueryHash(requestContext.queryHash, denied) });
    const { data, errorPaths } = nullDeniedFields(result.data, denied);
    return {
      ...result,
      data,
      errors: [...(result.errors ?? []), ...errorPaths.map((path) => new UnauthorizedFieldError(path, caller.userId !== undefined))],
    };
  };

  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(loadOptions) {
      const loaded = await gateway.load(loadOptions);
      return loaded.executor ? { ...loaded, executor: authorize(loaded.executor) } : loaded;
    },
  };
}

/** Plan-cache key of a filtered operation: the filtered document follows from the original and the denied coordinates. */
export function filteredQueryHash(queryHash: string, denied: readonly DeniedField[]): string {
  const coordinates = [...new Set(denied.map((denial) => denial.coordinate))].sort().join(",");
  return createHash("sha256").update(queryHash).update("\u0000authz\u0000").update(coordinates).digest("hex");
}

function defaultCallerOf(context: unknown): AuthzCaller {
  const caller = (context as { caller?: AuthzCaller } | undefined)?.caller;
  return caller ?? ANONYMOUS;
}
