import type { RequestContext } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { Category } from "./category.type.js";

/** `_entities` lookups of categories: batched per request; another user's id resolves to null. */
export function resolveCategoryReference(deps: LedgerDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<Category | null> => {
    if (typeof reference.id !== "string") return null;
    const entity = await context.loaders.get(deps.loaders.category).load(reference.id);
    return entity ? Category.from(entity) : null;
  };
}
