import { createHash } from "node:crypto";

import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { type DirectiveNode, Kind, type OperationDefinitionNode, parse, print, visit } from "graphql";

import { type DeniedField, UnauthorizedFieldError } from "./denials.js";
import { filterOperation } from "./operation-filter.js";
import { nullDeniedFields } from "./patch.js";
import { type AuthRequirements, type AuthzCaller, ENFORCED_SPECS, extractRequirements } from "./requirements.js";
import { signInFieldsOf, SIGNING_IN } from "./sign-in.js";

type GatewayInterface = ApolloServerOptionsWithGateway<never>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

const ANONYMOUS: AuthzCaller = Object.freeze({ scopes: Object.freeze([]) as readonly string[] });

export interface AuthorizedGatewayOptions {
  /** The verified caller of a request; defaults to `context.caller`, and to anonymous without one. */
  callerOf?(context: unknown): AuthzCaller;
  /** Whom a sign-in mutation of the request signed in, once it has; defaults to `context.signedIn`. */
  signedInOf?(context: unknown): AuthzCaller | undefined;
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
  const signedInOf = options.signedInOf ?? defaultSignedInOf;
  let requirements: AuthRequirements | undefined;
  let loadedSdl: string | undefined;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    if (coreSupergraphSdl === loadedSdl) return;
    requirements = extractRequirements(coreSupergraphSdl);
    loadedSdl = coreSupergraphSdl;
  });

  const authorize =
    (execute: GatewayExecutor): GatewayExecutor =>
    async (requestContext) => {
      // Fail closed: never execute unfiltered because the supergraph has not been read yet.
      if (!requirements) throw new Error("authorization requirements not loaded");
      const caller = callerOf(requestContext.context);
      const operationName = requestContext.request.operationName ?? null;
      const filter = (who: AuthzCaller) =>
        filterOperation(requestContext.schema, requestContext.document, operationName, requirements!, who);
      // A mutation made of sign-ins (register, login, ...) is filtered for the session it is about to
      // open: its payload's fields resolve as the new user (see SubgraphDataSource). Should nobody be
      // signed in after all, whatever came back is filtered again for the real caller below.
      const signInKeys = signInFieldsOf(requestContext.schema, requestContext.operation);
      let filtered;
      try {
        filtered = filter(signInKeys ? SIGNING_IN : caller);
      } catch (error) {
        if (error instanceof UnauthorizedFieldError) return { errors: [error] };
        throw error;
      }
      const { document, denied } = filtered;
      let result;
      if (denied.length === 0) result = await execute(requestContext);
      else {
        const operation = document.definitions.find(
          (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
        )!;
        result = await execute({ ...requestContext, document, operation, queryHash: filteredQueryHash(requestContext.queryHash, denied) });
      }
      const signedIn = signInKeys ? signedInOf(requestContext.context) : undefined;
      // Nobody signed in: the real caller's denials, where the answer holds anything to deny.
      const unsigned = signInKeys && !signedIn ? filter(caller).denied.filter((denial) => reachesParent(result.data, denial.path)) : [];
      const applied = unsigned.length > 0 ? [...denied, ...unsigned] : denied;
      if (applied.length === 0) return result;
      const { data, errorPaths } = nullDeniedFields(result.data, applied);
      const identified = (signedIn ?? caller).userId !== undefined;
      return {
        ...result,
        data,
        errors: [...(result.errors ?? []), ...errorPaths.map((path) => new UnauthorizedFieldError(path, identified))],
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

/** Is there an object (in any list position) where the field at `path` would sit? */
function reachesParent(data: unknown, path: readonly string[]): boolean {
  const walk = (value: unknown, depth: number): boolean => {
    if (Array.isArray(value)) return value.some((item) => walk(item, depth));
    if (value === null || typeof value !== "object") return false;
    return depth === path.length - 1 || walk((value as Record<string, unknown>)[path[depth]!], depth + 1);
  };
  return walk(data, 0);
}

function defaultSignedInOf(context: unknown): AuthzCaller | undefined {
  return (context as { signedIn?: AuthzCaller } | undefined)?.signedIn;
}

function defaultCallerOf(context: unknown): AuthzCaller {
  const caller = (context as { caller?: AuthzCaller } | undefined)?.caller;
  return caller ?? ANONYMOUS;
}
