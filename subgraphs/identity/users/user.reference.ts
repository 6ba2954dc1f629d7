import type { RequestContext } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { User } from "./user.type.js";

/**
 * Resolves `User` references from other subgraphs. Users see only themselves: another user's id
 * resolves to null exactly like an unknown id.
 */
export function resolveUserReference(deps: IdentityDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<User | null> => {
    const id = reference.id;
    if (typeof id !== "string" || id !== context.caller.userId) return null;
    const entity = await context.loaders.get(deps.loaders.user).load(id);
    return entity ? User.from(entity) : null;
  };
}
