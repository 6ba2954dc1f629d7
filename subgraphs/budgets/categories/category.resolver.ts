import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { Budget, CategoryRef } from "../budgets/budget.type.js";

@Resolver(() => CategoryRef)
export class CategoryBudgetsResolver {
  constructor(private readonly deps: BudgetsDeps) {}

  @Directive(scopes("budgets:read"))
  @FieldResolver(() => [Budget], { description: "Active budgets covering this category, directly or through its parent." })
  async budgets(@Root() category: CategoryRef, @Ctx() context: RequestContext): Promise<Budget[]> {
    return (await this.deps.budgets.forCategory(requireUserId(context), category.id)).map(Budget.from);
  }
}
