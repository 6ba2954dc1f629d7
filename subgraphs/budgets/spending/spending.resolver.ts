import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { forbidden } from "../../../platform/errors/index.js";
import { requireUserId, type RequestContext } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { BudgetsDeps } from "../subgraph.js";
import { BudgetsUser } from "../users/user.type.js";

@Resolver(() => BudgetsUser)
export class SpendingResolver {
  constructor(private readonly deps: BudgetsDeps) {}

  @Directive('@requiresScopes(scopes: [["budgets:read"]])')
  @FieldResolver(() => [MoneyType], { description: "Money out in a month (YYYY-MM), one entry per currency." })
  async monthlySpending(
    @Root() user: BudgetsUser,
    @Ctx() context: RequestContext,
    @Arg("month", () => String) month: string,
  ): Promise<MoneyType[]> {
    if (user.id !== requireUserId(context)) throw forbidden();
    return (await this.deps.spending.forMonth(user.id, month)).map(MoneyType.from);
  }
}
