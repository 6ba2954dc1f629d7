import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { badInput, notFound } from "../../../platform/errors/index.js";
import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { BUDGET_UPDATED, BUDGETS_BUDGET_TOPIC } from "../../../schema/events/budgets.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { CreateBudgetInput, UpdateBudgetInput } from "./budget.inputs.js";
import { Budget, BudgetProgress, BudgetSummary } from "./budget.type.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | null | undefined, field: string) => {
  if (value === null || value === undefined) return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badInput(`${field} must be a date YYYY-MM-DD`, { field });
  return value;
};

@Resolver(() => Budget)
export class BudgetResolver {
  constructor(private readonly deps: BudgetsDeps) {}

  @Directive(scopes("budgets:read"))
  @Query(() => [Budget], { description: "The caller's budgets, oldest first." })
  async budgets(
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Budget[]> {
    return (await this.deps.budgets.list(requireUserId(context), includeArchived)).map(Budget.from);
  }

  @Directive(scopes("budgets:read"))
  @Query(() => Budget, { nullable: true })
  async budget(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Budget | null> {
    requireUserId(context);
    const entity = await context.loaders.get(this.deps.loaders.budget).load(id);
    return entity ? Budget.from(entity) : null;
  }

  @Directive(scopes("budgets:read"))
  @Query(() => BudgetSummary, { description: "The monthly period containing `date` (default today)." })
  async budgetSummary(
    @Ctx() context: RequestContext,
    @Arg("date", () => String, { nullable: true }) date: string | null,
  ): Promise<BudgetSummary> {
    const userId = requireUserId(context);
    const s = await this.deps.summary.of(userId, day(date, "date") ?? (await this.deps.progress.today(userId)));
    return {
      periodStart: s.period.start,
      periodEnd: s.period.end,
      income: MoneyType.from(s.income),
      totalBudgeted: MoneyType.from(s.totalBudgeted),
      spent: MoneyType.from(s.spent),
      leftToBudget: MoneyType.from(s.leftToBudget),
    };
  }

  @Directive(
    liveDirective({ topic: BUDGETS_BUDGET_TOPIC, events: [BUDGET_UPDATED], lookup: "budget", id: "budgetId", match: { id: "budgetId" } }),
  )
  @Directive(scopes("budgets:read"))
  @Subscription(() => Budget, { description: "The budget whenever it or its spending changes.", subscribe: servedByGateway })
  budgetUpdated(@Arg("id", () => ID) _id: string): Budget {
    return servedByGateway();
  }

  @FieldResolver(() => BudgetProgress, { description: "The period containing `date` (default: today in the user's time zone)." })
  async progress(
    @Root() budget: Budget,
    @Ctx() context: RequestContext,
    @Arg("date", () => String, { nullable: true }) date: string | null,
  ): Promise<BudgetProgress> {
    const on = day(date, "date");
    if (on !== undefined && on < budget.startDate) throw badInput(`the budget starts on ${budget.startDate}`, { field: "date" });
    return BudgetProgress.from((await this.chain(budget, context, on)).at(-1)!, budget.currency);
  }

  @FieldResolver(() => [BudgetProgress], { description: "The last periods up to and including the current one, oldest first." })
  async history(
    @Root() budget: Budget,
    @Ctx() context: RequestContext,
    @Arg("last", () => Int, { defaultValue: 6 }) last: number,
  ): Promise<BudgetProgress[]> {
    if (!Number.isInteger(last) || last < 1 || last > 120) throw badInput("last must be between 1 and 120", { field: "last" });
    return (await this.chain(budget, context)).slice(-last).map((p) => BudgetProgress.from(p, budget.currency));
  }

  @FieldResolver(() => MoneyType, { description: "Budgeted for the current period." })
  async amount(@Root() budget: Budget, @Ctx() context: RequestContext): Promise<MoneyType> {
    return MoneyType.from({ amountMinor: (await this.chain(budget, context)).at(-1)!.budgetedMinor, currency: budget.currency });
  }

  private async chain(budget: Budget, context: RequestContext, date?: string) {
    const periods = await context.loaders
      .get(this.deps.loaders.chain)
      .load(`${budget.id}|${date ?? (await this.deps.progress.today(budget.entity.userId))}`);
    if (!periods) throw notFound("budget");
    return periods;
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => Budget)
  async createBudget(@Ctx() context: RequestContext, @Arg("input", () => CreateBudgetInput) input: CreateBudgetInput): Promise<Budget> {
    const userId = requireUserId(context);
    return Budget.from(
      await this.deps.budgets.create(
        userId,
        { ...input, amount: input.amount.toMoney(), startDate: day(input.startDate, "startDate") },
        context.traceId,
      ),
    );
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => Budget)
  async updateBudget(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateBudgetInput) input: UpdateBudgetInput,
  ): Promise<Budget> {
    const userId = requireUserId(context);
    return Budget.from(
      await this.deps.budgets.update(userId, id, { ...input, amount: input.amount ? input.amount.toMoney() : null }, context.traceId),
    );
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => Budget, { description: "Stops tracking and alerting; its history stays readable." })
  async archiveBudget(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Budget> {
    return Budget.from(await this.deps.budgets.setArchived(requireUserId(context), id, true, context.traceId));
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => Budget)
  async unarchiveBudget(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Budget> {
    return Budget.from(await this.deps.budgets.setArchived(requireUserId(context), id, false, context.traceId));
  }
}
