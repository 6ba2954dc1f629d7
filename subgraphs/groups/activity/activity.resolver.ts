import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from "type-graphql";

import { liveDirective, PageInfo, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { GROUP_ACTIVITY_RECORDED, GROUPS_GROUP_TOPIC } from "../../../schema/events/groups.js";
import { GroupComment } from "../comments/comment.type.js";
import { GroupExpense } from "../expenses/expense.type.js";
import type { GroupsDeps } from "../groups.deps.js";
import { Group } from "../groups/group.type.js";
import { GroupMember } from "../members/member.type.js";
import { memberMap } from "../members/member-map.js";
import { GroupSettlement } from "../settlements/settlement.type.js";
import { MAX_ACTIVITY_PAGE } from "./activity.service.js";
import { GroupActivity, GroupActivityPage } from "./activity.type.js";

@Resolver(() => GroupActivity)
export class GroupActivityResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @Directive(scopes("groups:read"))
  @Query(() => GroupActivity, { nullable: true, description: "An entry of one of the caller's groups' activity feeds; null otherwise." })
  async groupActivityEntry(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupActivity | null> {
    requireUserId(context);
    const row = await context.loaders.get(this.deps.loaders.activity).load(id);
    return row ? GroupActivity.from(row) : null;
  }

  // A stream, not one object: match pairs groupId with the group, not with the entry id, so an
  // entry the lookup does not show the subscriber (not, or no longer, a member) is simply not sent.
  @Directive(
    liveDirective({
      topic: GROUPS_GROUP_TOPIC,
      events: [GROUP_ACTIVITY_RECORDED],
      lookup: "groupActivityEntry",
      id: "activityId",
      match: { groupId: "groupId" },
      audience: "lookup",
    }),
  )
  @Directive(scopes("groups:read"))
  @Subscription(() => GroupActivity, {
    description:
      "Each new entry of the group's activity feed (expenses, settlements, comments) as it happens. Members and viewers only: anyone else receives nothing.",
    subscribe: servedByGateway,
  })
  groupActivity(@Arg("groupId", () => ID) _groupId: string): GroupActivity {
    return servedByGateway();
  }

  @FieldResolver(() => GroupMember, { nullable: true, description: "Who did it." })
  async actor(@Root() entry: GroupActivity, @Ctx() context: RequestContext): Promise<GroupMember | null> {
    if (!entry.actorMemberId) return null;
    return (await memberMap(context, this.deps.loaders, entry.groupId)).get(entry.actorMemberId) ?? null;
  }

  @FieldResolver(() => Group, { nullable: true })
  async group(@Root() entry: GroupActivity, @Ctx() context: RequestContext): Promise<Group | null> {
    const group = await context.loaders.get(this.deps.loaders.group).load(entry.groupId);
    return group ? Group.from(group) : null;
  }

  @FieldResolver(() => GroupExpense, { nullable: true, description: "The expense it concerns (also for a comment on one)." })
  async expense(@Root() entry: GroupActivity, @Ctx() context: RequestContext): Promise<GroupExpense | null> {
    if (!entry.expenseId) return null;
    const expense = await context.loaders.get(this.deps.loaders.expense).load(entry.expenseId);
    return expense ? GroupExpense.from(expense) : null;
  }

  @FieldResolver(() => GroupSettlement, { nullable: true, description: "The settlement it concerns (also for a comment on one)." })
  async settlement(@Root() entry: GroupActivity, @Ctx() context: RequestContext): Promise<GroupSettlement | null> {
    if (!entry.settlementId) return null;
    const found = await context.loaders.get(this.deps.loaders.settlement).load(entry.settlementId);
    return found ? GroupSettlement.from(found.settlement, found.currency) : null;
  }

  @FieldResolver(() => GroupComment, { nullable: true, description: "The comment, as it is now (body null once deleted)." })
  async comment(@Root() entry: GroupActivity, @Ctx() context: RequestContext): Promise<GroupComment | null> {
    if (!entry.commentId) return null;
    const comment = await context.loaders.get(this.deps.loaders.comment).load(entry.commentId);
    return comment ? GroupComment.from(comment) : null;
  }
}

@Resolver(() => Group)
export class GroupActivityFeedResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @FieldResolver(() => GroupActivityPage, { description: "What members did, newest first: expenses, settlements and comments." })
  async activity(
    @Root() group: Group,
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50, description: `1 to ${MAX_ACTIVITY_PAGE}.` }) first: number,
    @Arg("after", () => String, { nullable: true, description: "The previous page's endCursor." }) after: string | null,
  ): Promise<GroupActivityPage> {
    const page = await this.deps.activity.page(requireUserId(context), group.id, first, after ?? null);
    return Object.assign(new GroupActivityPage(), {
      nodes: page.rows.map(GroupActivity.from),
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.id ?? null }),
    });
  }
}
