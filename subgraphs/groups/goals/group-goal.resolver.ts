import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { GROUP_SAVINGS_GOAL_UPDATED, GROUPS_SAVINGS_TOPIC } from "../../../schema/events/groups.js";
import type { GroupsDeps } from "../groups.deps.js";
import { Group } from "../groups/group.type.js";
import { memberIn, memberMap } from "../members/member-map.js";
import { CreateGroupSavingsGoalInput, GroupSavingsGoalMovementInput } from "./group-goal.inputs.js";
import type { ContributionRequest, GroupGoalView } from "./group-goal.service.js";
import { GroupGoalContribution, GroupSavingsGoal } from "./group-goal.type.js";

const movement = (input: GroupSavingsGoalMovementInput): ContributionRequest => ({
  goalId: input.goalId,
  amount: input.amount.toMoney(),
  note: input.note ?? null,
  idempotencyKey: input.idempotencyKey ?? null,
});

@Resolver(() => GroupSavingsGoal)
export class GroupSavingsGoalResolver {
  constructor(private readonly deps: GroupsDeps) {}

  private out(view: GroupGoalView): GroupSavingsGoal {
    return GroupSavingsGoal.from(view, this.deps.goals.today());
  }

  @Directive(scopes("groups:read"))
  @Query(() => GroupSavingsGoal, { nullable: true, description: "A goal of one of the caller's groups; null otherwise." })
  async groupSavingsGoal(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupSavingsGoal | null> {
    requireUserId(context);
    const view = await context.loaders.get(this.deps.loaders.goal).load(id);
    return view ? this.out(view) : null;
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupSavingsGoal, { description: "The target is in the group's currency." })
  async createGroupSavingsGoal(
    @Ctx() context: RequestContext,
    @Arg("input", () => CreateGroupSavingsGoalInput) input: CreateGroupSavingsGoalInput,
  ): Promise<GroupSavingsGoal> {
    const view = await this.deps.goals.create(
      requireUserId(context),
      { groupId: input.groupId, name: input.name, target: input.target.toMoney(), deadline: input.deadline ?? null },
      context.traceId,
    );
    return this.out(view);
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupSavingsGoal, { description: "Puts your money into the goal; the goal as it is afterwards." })
  async contributeToGroupSavingsGoal(
    @Ctx() context: RequestContext,
    @Arg("input", () => GroupSavingsGoalMovementInput) input: GroupSavingsGoalMovementInput,
  ): Promise<GroupSavingsGoal> {
    return this.out(await this.deps.goals.contribute(requireUserId(context), movement(input), context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupSavingsGoal, { description: "Takes out at most what you have put in, so the goal never goes below zero." })
  async withdrawFromGroupSavingsGoal(
    @Ctx() context: RequestContext,
    @Arg("input", () => GroupSavingsGoalMovementInput) input: GroupSavingsGoalMovementInput,
  ): Promise<GroupSavingsGoal> {
    return this.out(await this.deps.goals.withdraw(requireUserId(context), movement(input), context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupSavingsGoal, { description: "Admins. Archived goals take no more money." })
  async archiveGroupSavingsGoal(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupSavingsGoal> {
    return this.out(await this.deps.goals.archive(requireUserId(context), id, context.traceId));
  }

  @Directive(
    liveDirective({
      topic: GROUPS_SAVINGS_TOPIC,
      events: [GROUP_SAVINGS_GOAL_UPDATED],
      lookup: "groupSavingsGoal",
      id: "goalId",
      match: { id: "goalId" },
      audience: "lookup",
    }),
  )
  @Directive(scopes("groups:read"))
  @Subscription(() => GroupSavingsGoal, {
    nullable: true,
    description:
      "The goal each time money moves in or out. Only current members of its group receive it; a removed member's subscription ends.",
    subscribe: servedByGateway,
  })
  groupSavingsGoalUpdated(@Arg("id", () => ID) _id: string): GroupSavingsGoal {
    return servedByGateway();
  }

  @FieldResolver(() => [GroupGoalContribution], {
    description: "Each member's net contribution, largest first (members at zero left out).",
  })
  async contributions(@Root() goal: GroupSavingsGoal, @Ctx() context: RequestContext): Promise<GroupGoalContribution[]> {
    const [rows, members] = await Promise.all([
      context.loaders.get(this.deps.loaders.contributions).load(goal.id),
      memberMap(context, this.deps.loaders, goal.groupId),
    ]);
    return rows.map((r) =>
      Object.assign(new GroupGoalContribution(), {
        member: memberIn(members, r.memberId),
        amount: MoneyType.from({ amountMinor: r.amountMinor, currency: goal.target.currency }),
      }),
    );
  }

  @FieldResolver(() => Group, { nullable: true })
  async group(@Root() goal: GroupSavingsGoal, @Ctx() context: RequestContext): Promise<Group | null> {
    const group = await context.loaders.get(this.deps.loaders.group).load(goal.groupId);
    return group ? Group.from(group) : null;
  }
}
