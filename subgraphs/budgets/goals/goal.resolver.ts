import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { badInput, forbidden } from "../../../platform/errors/index.js";
import {
  liveDirective,
  type RequestContext,
  requireOwnUser,
  requireUserId,
  scopes,
  servedByGateway,
} from "../../../platform/graphql/index.js";
import { MoneyInput } from "../../../platform/money/index.js";
import { BUDGETS_GOAL_TOPIC, SAVINGS_GOAL_UPDATED } from "../../../schema/events/budgets.js";
import type { BudgetsDeps } from "../budgets.deps.js";
import { BudgetsUser } from "../users/user.type.js";
import { CreateAutoSaveRuleInput, CreateSavingsGoalInput, UpdateSavingsGoalInput } from "./goal.inputs.js";
import { MAX_MOVEMENTS_PAGE, type MovementRequest } from "./goal.service.js";
import { AutoSaveRule, GoalMovement, type GoalView, SavingsGoal } from "./goal.type.js";

/** What the resolvers need of the budgets deps; the subgraph's deps object is passed whole. */
type WithGoals = Pick<BudgetsDeps, "goals">;

const request = (amount: MoneyInput, date: string | null, note: string | null, idempotencyKey: string | null): MovementRequest => ({
  amount: amount.toMoney(),
  date,
  note,
  idempotencyKey,
});

@Resolver(() => SavingsGoal)
export class SavingsGoalResolver {
  constructor(private readonly deps: WithGoals) {}

  private out(view: GoalView): SavingsGoal {
    return SavingsGoal.from(view, this.deps.goals.savings.today());
  }

  @Directive(scopes("budgets:read"))
  @Query(() => [SavingsGoal], { description: "The caller's savings goals, oldest first." })
  async savingsGoals(
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<SavingsGoal[]> {
    return (await this.deps.goals.savings.list(requireUserId(context), includeArchived)).map((v) => this.out(v));
  }

  @Directive(scopes("budgets:read"))
  @Query(() => SavingsGoal, { nullable: true, description: "One of the caller's goals (archived too); null if unknown or not theirs." })
  async savingsGoal(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<SavingsGoal | null> {
    requireUserId(context);
    const view = await context.loaders.get(this.deps.goals.loaders.goal).load(id);
    return view ? this.out(view) : null;
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => SavingsGoal, { description: "The target is in the caller's base currency." })
  async createSavingsGoal(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreateSavingsGoalInput) input: CreateSavingsGoalInput,
  ): Promise<SavingsGoal> {
    const view = await this.deps.goals.savings.create(
      requireUserId(context),
      {
        name: input.name,
        target: input.target.toMoney(),
        targetDate: input.targetDate ?? null,
        linkedAccountId: input.linkedAccountId ?? null,
      },
      context.traceId,
    );
    return this.out(view);
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => SavingsGoal)
  async updateSavingsGoal(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateSavingsGoalInput) input: UpdateSavingsGoalInput,
  ): Promise<SavingsGoal> {
    const changes = {
      name: input.name,
      target: input.target ? input.target.toMoney() : undefined,
      targetDate: input.targetDate,
      linkedAccountId: input.linkedAccountId,
    };
    return this.out(await this.deps.goals.savings.update(requireUserId(context), id, changes, context.traceId));
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => SavingsGoal, { description: "Archived goals are read-only and take no auto-save." })
  async archiveSavingsGoal(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<SavingsGoal> {
    return this.out(await this.deps.goals.savings.archive(requireUserId(context), id, context.traceId));
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => GoalMovement, {
    description: "Adds money to the goal. Retrying with the same idempotencyKey returns the first movement.",
  })
  async contributeToGoal(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("amount", () => MoneyInput, { description: "Positive, in the goal's currency." }) amount: MoneyInput,
    @Arg("date", () => String, { nullable: true, description: "YYYY-MM-DD; default today (UTC)." }) date: string | null,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Arg("idempotencyKey", () => String, { nullable: true }) idempotencyKey: string | null,
  ): Promise<GoalMovement> {
    const { movement, goal } = await this.deps.goals.savings.contribute(
      requireUserId(context),
      id,
      request(amount, date, note, idempotencyKey),
      context.traceId,
    );
    return GoalMovement.from(movement, goal.goal.currency);
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => GoalMovement, {
    description:
      "Takes money out of the goal (recorded negative); never below zero. Retrying with the same idempotencyKey returns the first movement.",
  })
  async withdrawFromGoal(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("amount", () => MoneyInput, { description: "Positive, in the goal's currency." }) amount: MoneyInput,
    @Arg("date", () => String, { nullable: true, description: "YYYY-MM-DD; default today (UTC)." }) date: string | null,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Arg("idempotencyKey", () => String, { nullable: true }) idempotencyKey: string | null,
  ): Promise<GoalMovement> {
    const { movement, goal } = await this.deps.goals.savings.withdraw(
      requireUserId(context),
      id,
      request(amount, date, note, idempotencyKey),
      context.traceId,
    );
    return GoalMovement.from(movement, goal.goal.currency);
  }

  @Directive(
    liveDirective({
      topic: BUDGETS_GOAL_TOPIC,
      events: [SAVINGS_GOAL_UPDATED],
      lookup: "savingsGoal",
      id: "goalId",
      match: { id: "goalId" },
    }),
  )
  @Directive(scopes("budgets:read"))
  @Subscription(() => SavingsGoal, {
    nullable: true,
    description: "The goal each time it or its saved amount changes.",
    subscribe: servedByGateway,
  })
  savingsGoalUpdated(@Arg("id", () => ID) _id: string): SavingsGoal {
    return servedByGateway();
  }

  @FieldResolver(() => [GoalMovement], { description: "Newest first." })
  async movements(
    @Root() goal: SavingsGoal,
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
  ): Promise<GoalMovement[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_MOVEMENTS_PAGE)
      throw badInput(`first must be between 1 and ${MAX_MOVEMENTS_PAGE}`, { field: "first" });
    const movements = await context.loaders.get(this.deps.goals.loaders.movements).load(`${goal.id}|${first}`);
    return movements.map((m) => GoalMovement.from(m, goal.target.currency));
  }
}

@Resolver(() => GoalMovement)
export class GoalMovementResolver {
  constructor(private readonly deps: WithGoals) {}

  @FieldResolver(() => SavingsGoal)
  async goal(@Root() movement: GoalMovement, @Ctx() context: RequestContext): Promise<SavingsGoal> {
    const view = await context.loaders.get(this.deps.goals.loaders.goal).load(movement.goalId);
    // Movements are only ever read through their owner's goal, so it is there.
    if (!view) throw forbidden();
    return SavingsGoal.from(view, this.deps.goals.savings.today());
  }
}

@Resolver(() => AutoSaveRule)
export class AutoSaveRuleResolver {
  constructor(private readonly deps: WithGoals) {}

  @Directive(scopes("budgets:read"))
  @Query(() => [AutoSaveRule], { description: "The caller's auto-save rules, oldest first." })
  async autoSaveRules(@Ctx() context: RequestContext): Promise<AutoSaveRule[]> {
    return (await this.deps.goals.autoSave.list(requireUserId(context))).map((v) => AutoSaveRule.from(v.rule, v.currency));
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => AutoSaveRule, { description: "Saves from income dated on or after today into the goal." })
  async createAutoSaveRule(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreateAutoSaveRuleInput) input: CreateAutoSaveRuleInput,
  ): Promise<AutoSaveRule> {
    const view = await this.deps.goals.autoSave.create(requireUserId(context), {
      goalId: input.goalId,
      mode: input.mode,
      percentBasisPoints: input.percentBasisPoints ?? null,
      amount: input.amount ? input.amount.toMoney() : null,
      accountId: input.accountId ?? null,
      enabled: input.enabled ?? null,
    });
    return AutoSaveRule.from(view.rule, view.currency);
  }

  @Directive(scopes("budgets:write"))
  @Mutation(() => Boolean, { description: "Money it already saved stays in the goal." })
  async deleteAutoSaveRule(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    return this.deps.goals.autoSave.delete(requireUserId(context), id);
  }

  @FieldResolver(() => SavingsGoal, { nullable: true })
  async goal(@Root() rule: AutoSaveRule, @Ctx() context: RequestContext): Promise<SavingsGoal | null> {
    const view = await context.loaders.get(this.deps.goals.loaders.goal).load(rule.goalId);
    return view ? SavingsGoal.from(view, this.deps.goals.savings.today()) : null;
  }
}

/** Budgets' goals on `User`: only ever the caller (see `resolveOwnUserReference`). */
@Resolver(() => BudgetsUser)
export class GoalsUserResolver {
  constructor(private readonly deps: WithGoals) {}

  @Directive(scopes("budgets:read"))
  @FieldResolver(() => [SavingsGoal], { description: "Savings goals, oldest first." })
  async savingsGoals(
    @Root() user: BudgetsUser,
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<SavingsGoal[]> {
    return (await this.deps.goals.savings.list(requireOwnUser(user, context), includeArchived)).map((v) =>
      SavingsGoal.from(v, this.deps.goals.savings.today()),
    );
  }
}
