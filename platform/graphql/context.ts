import type { Logger } from "pino";

import type { Caller, ClientInfo } from "../auth/caller.js";
import { forbidden, unauthenticated } from "../errors/errors.js";
import { LoaderRegistry } from "./loaders.js";

/** What every resolver of every subgraph receives, built once per HTTP request. */
export interface RequestContext {
  /** Who is calling: the gateway-signed caller, or whom a sign-in of this very request signed in. */
  readonly caller: Caller;
  /** Client IP and user agent as the gateway saw them. */
  readonly client: ClientInfo;
  readonly traceId: string;
  readonly logger: Logger;
  /** Per-request DataLoaders: batching and caching never outlive the request (nor leak across users). */
  readonly loaders: LoaderRegistry;
  /** Set by `signIn`; the subgraph server reports it to the gateway (see platform/auth/signed-in.ts). */
  readonly signedIn?: Caller;
  /**
   * A mutation signed someone in (register, login, ...): the fields resolved after it in this
   * request, here and, through the gateway, in other subgraphs, act as that user.
   */
  signIn(caller: Caller): void;
}

export function createRequestContext(caller: Caller, traceId: string, logger: Logger, client: ClientInfo = {}): RequestContext {
  return new SubgraphRequestContext(caller, traceId, logger, client);
}

/**
 * Plain fields and prototype methods, no closures or getters: Apollo Server copies the context
 * value per operation (`Object.assign` onto the same prototype), and `signIn` must change the copy
 * that resolvers and plugins see.
 */
class SubgraphRequestContext implements RequestContext {
  loaders: LoaderRegistry;
  signedIn?: Caller;

  constructor(
    public caller: Caller,
    readonly traceId: string,
    readonly logger: Logger,
    readonly client: ClientInfo,
  ) {
    this.loaders = new LoaderRegistry(caller);
  }

  signIn(next: Caller): void {
    this.caller = this.signedIn = next;
    // Loaders are scoped to their caller: nothing loaded for the previous one may be served.
    this.loaders = new LoaderRegistry(next);
  }
}

/** The caller's user id, or UNAUTHENTICATED. Every user-scoped read and write starts here. */
export function requireUserId(context: RequestContext): string {
  const userId = context.caller.userId;
  if (!userId) throw unauthenticated();
  return userId;
}

/**
 * `__resolveReference` for the `User` entity in subgraphs that extend it: a caller may only resolve
 * themselves. Anything else resolves to null, indistinguishable from a user that does not exist.
 */
export function resolveOwnUserReference(reference: Record<string, unknown>, context: RequestContext): { id: string } | null {
  return typeof reference.id === "string" && reference.id === context.caller.userId ? { id: reference.id } : null;
}

/**
 * For `User` fields a subgraph adds: the user must be the caller (belt and braces beside
 * `resolveOwnUserReference`). Returns the id; FORBIDDEN otherwise.
 */
export function requireOwnUser(user: { id: string }, context: RequestContext): string {
  if (user.id !== requireUserId(context)) throw forbidden();
  return user.id;
}

/**
 * The caller's user id when they signed in themselves (a session), not through an integrator's API
 * key: managing credentials, sessions or the account itself is never delegated to integrations.
 */
export function requireSessionUserId(context: RequestContext): string {
  const userId = requireUserId(context);
  if (context.caller.apiKeyId || !context.caller.sessionId) throw forbidden("this operation needs a signed-in session, not an API key");
  return userId;
}
