import type { RequestContext } from "../../../platform/graphql/index.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { Budget } from "./budget.type.js";

/** `_entities` lookups of budgets: batched per request; another user's id resolves to null. */
export function resolveBudgetReference(deps: BudgetsDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<Budget | null> => {
    if (typeof reference.id !== "string") return null;
    const entity = await context.loaders.get(deps.loaders.budget).load(reference.id);
    return entity ? Budget.from(entity) : null;
  };
}
