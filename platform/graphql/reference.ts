import type { RequestContext } from "./context.js";
import type { LoaderFactory } from "./loaders.js";

/**
 * `__resolveReference` for an entity through the subgraph's per-request loader: every reference of
 * one `_entities` call is batched into one lookup, and the loader's owner filter makes another
 * user's id resolve to null, exactly like an unknown one. (`__resolveReference` bypasses
 * type-graphql's middleware, so the loader is where the scoping lives.)
 */
export function resolveThroughLoader<E, T>(loader: LoaderFactory<string, E | null>, toType: (entity: E) => T) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<T | null> => {
    if (typeof reference.id !== "string") return null;
    const entity = await context.loaders.get(loader).load(reference.id);
    return entity === null || entity === undefined ? null : toType(entity);
  };
}
