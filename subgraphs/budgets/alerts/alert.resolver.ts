import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { BUDGET_EXCEEDED, BUDGET_THRESHOLD_REACHED, BUDGETS_ALERT_TOPIC } from "../../../schema/events/budgets.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { Budget } from "../budgets/budget.type.js";
import { BudgetAlert } from "./alert.type.js";

@Resolver(() => BudgetAlert)
export class AlertResolver {
  constructor(private readonly deps: BudgetsDeps) {}

  @Directive(scopes("budgets:read"))
  @Query(() => [BudgetAlert], { description: "The caller's budget alerts, newest first." })
  async budgetAlerts(@Ctx() context: RequestContext, @Arg("first", () => Int, { defaultValue: 20 }) first: number): Promise<BudgetAlert[]> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput("first must be between 1 and 200", { field: "first" });
    return (await this.deps.alerts.list(requireUserId(context), first)).map(BudgetAlert.from);
  }

  @Directive(scopes("budgets:read"))
  @Query(() => BudgetAlert, { nullable: true })
  async budgetAlert(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<BudgetAlert | null> {
    const alert = await this.deps.alerts.find(requireUserId(context), id);
    return alert ? BudgetAlert.from(alert) : null;
  }

  @Directive(
    liveDirective({
      topic: BUDGETS_ALERT_TOPIC,
      events: [BUDGET_THRESHOLD_REACHED, BUDGET_EXCEEDED],
      lookup: "budgetAlert",
      id: "alertId",
    }),
  )
  @Directive(scopes("budgets:read"))
  @Subscription(() => BudgetAlert, {
    name: "budgetAlerts",
    description: "Each alert of the caller's budgets as it fires.",
    subscribe: servedByGateway,
  })
  budgetAlertsLive(): BudgetAlert {
    return servedByGateway();
  }

  @FieldResolver(() => Budget, { nullable: true })
  async budget(@Root() alert: BudgetAlert, @Ctx() context: RequestContext): Promise<Budget | null> {
    const entity = await context.loaders.get(this.deps.loaders.budget).load(alert.budgetId);
    return entity ? Budget.from(entity) : null;
  }
}
