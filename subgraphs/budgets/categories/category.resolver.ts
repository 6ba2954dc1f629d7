import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { requireUserId, type RequestContext } from "../../../platform/graphql/index.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { Budget, CategoryRef } from "../budgets/budget.type.js";

@Resolver(() => CategoryRef)
export class CategoryBudgetsResolver {
  constructor(private readonly deps: BudgetsDeps) {}

  @Directive('@requiresScopes(scopes: [["budgets:read"]])')
  @FieldResolver(() => [Budget], { description: "Active budgets covering this category, directly or through its parent." })
  async budgets(@Root() category: CategoryRef, @Ctx() context: RequestContext): Promise<Budget[]> {
    return (await this.deps.budgets.forCategory(requireUserId(context), category.id)).map(Budget.from);
  }
}

/** `_entities` lookups of categories: only the caller's own (from budgets' copy of the tree), batched. */
export function resolveCategoryReference(deps: BudgetsDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<CategoryRef | null> => {
    if (typeof reference.id !== "string") return null;
    return (await context.loaders.get(deps.loaders.category).load(reference.id)) ? Object.assign(new CategoryRef(), { id: reference.id }) : null;
  };
}
