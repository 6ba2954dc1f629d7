import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { GroupsDeps } from "../groups.deps.js";
import { GroupMember } from "../members/member.type.js";
import { memberIn, memberMap } from "../members/member-map.js";
import { AddGroupCommentInput, EditGroupCommentInput } from "./comment.inputs.js";
import { GroupComment } from "./comment.type.js";

@Resolver(() => GroupComment)
export class GroupCommentResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupComment, {
    description:
      "Comments on an expense or a settlement of one of your groups (members, not viewers). Over 2,000 characters or empty: BAD_USER_INPUT on body; an item outside your groups: NOT_FOUND.",
  })
  async addGroupComment(
    @Ctx() context: RequestContext,
    @Arg("input", () => AddGroupCommentInput) input: AddGroupCommentInput,
  ): Promise<GroupComment> {
    const target = { expenseId: input.expenseId ?? null, settlementId: input.settlementId ?? null };
    return GroupComment.from(await this.deps.comments.add(requireUserId(context), target, input.body, context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupComment, { description: "Your own comments only." })
  async editGroupComment(
    @Ctx() context: RequestContext,
    @Arg("input", () => EditGroupCommentInput) input: EditGroupCommentInput,
  ): Promise<GroupComment> {
    return GroupComment.from(await this.deps.comments.edit(requireUserId(context), input.id, input.body, context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupComment, {
    description: "Your own comments; admins and the owner delete anyone's. The text goes; deleting twice changes nothing.",
  })
  async deleteGroupComment(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupComment> {
    return GroupComment.from(await this.deps.comments.delete(requireUserId(context), id, context.traceId));
  }

  @FieldResolver(() => GroupMember)
  async author(@Root() comment: GroupComment, @Ctx() context: RequestContext): Promise<GroupMember> {
    return memberIn(await memberMap(context, this.deps.loaders, comment.groupId), comment.authorMemberId);
  }
}
