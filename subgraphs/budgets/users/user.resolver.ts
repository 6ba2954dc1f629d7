import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireOwnUser, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { Budget } from "../budgets/budget.type.js";
import { BudgetsUser } from "./user.type.js";

/** Budgets' fields on `User`; a User here is only ever the caller. */
@Resolver(() => BudgetsUser)
export class BudgetsUserResolver {
  constructor(private readonly deps: BudgetsDeps) {}

  private own(user: BudgetsUser, context: RequestContext): string {
    return requireOwnUser(user, context);
  }

  @Directive(scopes("budgets:read"))
  @FieldResolver(() => [MoneyType], { description: "Money out in a calendar month (YYYY-MM), one entry per currency." })
  async monthlySpending(
    @Root() user: BudgetsUser,
    @Ctx() context: RequestContext,
    @Arg("month", () => String) month: string,
  ): Promise<MoneyType[]> {
    return (await this.deps.spending.forMonth(this.own(user, context), month)).map(MoneyType.from);
  }

  @Directive(scopes("budgets:read"))
  @FieldResolver(() => [Budget], { description: "Active budgets, oldest first." })
  async budgets(@Root() user: BudgetsUser, @Ctx() context: RequestContext): Promise<Budget[]> {
    return (await this.deps.budgets.list(this.own(user, context), false)).map(Budget.from);
  }
}
