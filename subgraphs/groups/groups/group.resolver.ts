import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { liveDirective, PageInfo, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { GROUP_MEMBER_REMOVED, GROUP_UPDATED, GROUPS_GROUP_TOPIC } from "../../../schema/events/groups.js";
import { settlementPlan } from "../balances/settle-up.js";
import { GroupExpenseFilter } from "../expenses/expense.inputs.js";
import { GroupExpense, GroupExpenseConnection } from "../expenses/expense.type.js";
import { GroupSavingsGoal } from "../goals/group-goal.type.js";
import type { GroupsDeps } from "../groups.deps.js";
import { GroupInvite } from "../invites/invite.type.js";
import { GroupMember, GroupRole } from "../members/member.type.js";
import { memberIn, memberMap } from "../members/member-map.js";
import { MAX_SETTLEMENTS_PAGE } from "../settlements/settlement.service.js";
import { GroupSettlement } from "../settlements/settlement.type.js";
import { CreateGroupInput } from "./group.inputs.js";
import { Group, GroupBalance, SettlementTransfer } from "./group.type.js";

@Resolver(() => Group)
export class GroupResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @Directive(scopes("groups:read"))
  @Query(() => [Group], { description: "The groups the caller is a member of, oldest first." })
  async groups(
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Group[]> {
    return (await this.deps.groups.list(requireUserId(context), includeArchived)).map(Group.from);
  }

  @Directive(scopes("groups:read"))
  @Query(() => Group, { nullable: true, description: "One of the caller's groups; null if unknown or the caller is not a member." })
  async group(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Group | null> {
    requireUserId(context);
    const group = await context.loaders.get(this.deps.loaders.group).load(id);
    return group ? Group.from(group) : null;
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => Group, { description: "You become its OWNER." })
  async createGroup(@Ctx() context: RequestContext, @Arg("input", () => CreateGroupInput) input: CreateGroupInput): Promise<Group> {
    return Group.from(await this.deps.groups.create(requireUserId(context), input, context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => Group, { description: "Admins and the owner." })
  async renameGroup(
    @Ctx() context: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("name", () => String) name: string,
  ): Promise<Group> {
    return Group.from(await this.deps.groups.rename(requireUserId(context), id, name, context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => Group, { description: "The owner only. Archived groups are read-only." })
  async archiveGroup(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Group> {
    return Group.from(await this.deps.groups.archive(requireUserId(context), id, context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => Group, {
    description: "Joins with a single-use invite code, or claims a placeholder of the group (keeping its balances).",
  })
  async joinGroup(
    @Ctx() context: RequestContext,
    @Arg("code", () => String) code: string,
    @Arg("placeholderId", () => ID, { nullable: true }) placeholderId: string | null,
    @Arg("displayName", () => String, {
      nullable: true,
      description: 'How you appear; a claimed placeholder keeps its name when left out, others are "New member".',
    })
    displayName: string | null,
  ): Promise<Group> {
    const userId = requireUserId(context);
    const { groupId } = await this.deps.invites.join(userId, { code, placeholderId, displayName }, context.traceId);
    const [group] = await this.deps.groups.findForUser(userId, [groupId]);
    return Group.from(group!);
  }

  @Directive(
    liveDirective({
      topic: GROUPS_GROUP_TOPIC,
      events: [GROUP_UPDATED, GROUP_MEMBER_REMOVED],
      lookup: "group",
      id: "groupId",
      match: { id: "groupId" },
      audience: "lookup",
    }),
  )
  @Directive(scopes("groups:read"))
  @Subscription(() => Group, {
    nullable: true,
    description:
      "The group each time it, its members or its balances change. Only current members receive it; a removed member's subscription ends.",
    subscribe: servedByGateway,
  })
  groupUpdated(@Arg("id", () => ID) _id: string): Group {
    return servedByGateway();
  }

  @FieldResolver(() => GroupMember, { description: "The caller's own membership." })
  async me(@Root() group: Group, @Ctx() context: RequestContext): Promise<GroupMember> {
    const members = await memberMap(context, this.deps.loaders, group.id);
    const me = [...members.values()].find((m) => m.isMe && !m.removed);
    if (!me) throw badInput("you are not a member of this group");
    return me;
  }

  @FieldResolver(() => GroupRole, { description: "The caller's role." })
  async myRole(@Root() group: Group, @Ctx() context: RequestContext): Promise<GroupRole> {
    return (await this.me(group, context)).role;
  }

  @FieldResolver(() => [GroupMember], { description: "In join order." })
  async members(
    @Root() group: Group,
    @Ctx() context: RequestContext,
    @Arg("includeRemoved", () => Boolean, { defaultValue: false }) includeRemoved: boolean,
  ): Promise<GroupMember[]> {
    const members = [...(await memberMap(context, this.deps.loaders, group.id)).values()];
    return includeRemoved ? members : members.filter((m) => !m.removed);
  }

  @FieldResolver(() => [GroupBalance], {
    description: "Each member's balance (positive = is owed), always summing to zero; removed members appear only while not zero.",
  })
  async balances(@Root() group: Group, @Ctx() context: RequestContext): Promise<GroupBalance[]> {
    const [balances, members] = await Promise.all([
      context.loaders.get(this.deps.loaders.balances).load(group.id),
      memberMap(context, this.deps.loaders, group.id),
    ]);
    return balances.map((b) =>
      Object.assign(new GroupBalance(), {
        member: memberIn(members, b.memberId),
        amount: MoneyType.from({ amountMinor: b.amountMinor, currency: group.currency }),
      }),
    );
  }

  @FieldResolver(() => [SettlementTransfer], {
    description:
      "The fewest payments that bring every balance to zero: exact up to 20 members with a non-zero balance, a greedy plan (largest debtor pays largest creditor) above that.",
  })
  async settlementPlan(@Root() group: Group, @Ctx() context: RequestContext): Promise<SettlementTransfer[]> {
    const [balances, members] = await Promise.all([
      context.loaders.get(this.deps.loaders.balances).load(group.id),
      memberMap(context, this.deps.loaders, group.id),
    ]);
    return settlementPlan(balances, (id) => members.get(id)?.position ?? Number.MAX_SAFE_INTEGER).map((t) =>
      Object.assign(new SettlementTransfer(), {
        from: memberIn(members, t.fromMemberId),
        to: memberIn(members, t.toMemberId),
        amount: MoneyType.from({ amountMinor: t.amountMinor, currency: group.currency }),
      }),
    );
  }

  @FieldResolver(() => GroupExpense, { nullable: true, description: "The newest expense not deleted." })
  async latestExpense(@Root() group: Group, @Ctx() context: RequestContext): Promise<GroupExpense | null> {
    const expense = await context.loaders.get(this.deps.loaders.latestExpense).load(group.id);
    return expense ? GroupExpense.from(expense) : null;
  }

  @FieldResolver(() => GroupExpenseConnection)
  async expenses(
    @Root() group: Group,
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50, description: "1 to 200." }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => GroupExpenseFilter, { nullable: true }) filter: GroupExpenseFilter | null,
  ): Promise<GroupExpenseConnection> {
    const page = await this.deps.expenseQueries.page(requireUserId(context), group.id, filter ?? {}, first, after);
    const nodes = page.expenses.map((e) => GroupExpense.from(e));
    return Object.assign(new GroupExpenseConnection(), {
      nodes,
      edges: nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null }),
    });
  }

  @FieldResolver(() => [GroupSettlement], { description: "Newest first." })
  async settlements(
    @Root() group: Group,
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50, description: `1 to ${MAX_SETTLEMENTS_PAGE}.` }) first: number,
  ): Promise<GroupSettlement[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SETTLEMENTS_PAGE)
      throw badInput(`first must be 1 to ${MAX_SETTLEMENTS_PAGE}`, { field: "first" });
    const rows = await context.loaders.get(this.deps.loaders.settlements).load(`${group.id}|${first}`);
    return rows.map((s) => GroupSettlement.from(s, group.currency));
  }

  @FieldResolver(() => [GroupSavingsGoal], { description: "Oldest first." })
  async savingsGoals(
    @Root() group: Group,
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<GroupSavingsGoal[]> {
    const views = await context.loaders.get(this.deps.loaders.goalsByGroup).load(`${group.id}|${includeArchived}`);
    const today = this.deps.goals.today();
    return views.map((v) => GroupSavingsGoal.from(v, today));
  }

  @FieldResolver(() => [GroupInvite], { description: "Pending invites (admins only; codes are shown only when created)." })
  async invites(@Root() group: Group, @Ctx() context: RequestContext): Promise<GroupInvite[]> {
    return (await this.deps.invites.pending(requireUserId(context), group.id)).map((i) => GroupInvite.from(i));
  }
}
