import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import type { GroupsDeps } from "../groups.deps.js";
import { AddGroupMemberInput, UpdateGroupMemberInput } from "../groups/group.inputs.js";
import { Group } from "../groups/group.type.js";
import { INVITE_HOURS_MAX } from "../invites/invite.service.js";
import { GroupInvite } from "../invites/invite.type.js";
import { GroupMember, GroupRole } from "./member.type.js";

@Resolver(() => GroupMember)
export class GroupMemberResolver {
  constructor(private readonly deps: GroupsDeps) {}

  private out(context: RequestContext) {
    return (entity: Parameters<typeof GroupMember.from>[0]) => GroupMember.from(entity, context.caller.userId ?? null);
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupMember, {
    description: "Adds a placeholder: a person without an account, whom someone can later claim with joinGroup.",
  })
  async addGroupMember(
    @Ctx() context: RequestContext,
    @Arg("input", () => AddGroupMemberInput) input: AddGroupMemberInput,
  ): Promise<GroupMember> {
    return this.out(context)(
      await this.deps.members.addPlaceholder(requireUserId(context), input.groupId, input.displayName, context.traceId),
    );
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupMember)
  async updateGroupMember(
    @Ctx() context: RequestContext,
    @Arg("input", () => UpdateGroupMemberInput) input: UpdateGroupMemberInput,
  ): Promise<GroupMember> {
    const changes = { displayName: input.displayName, role: input.role };
    return this.out(context)(
      await this.deps.members.update(requireUserId(context), input.groupId, input.memberId, changes, context.traceId),
    );
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupMember, {
    description: "Admins remove others; anyone removes themselves (leaves). BALANCE_NOT_SETTLED while the member's balance is not zero.",
  })
  async removeGroupMember(
    @Ctx() context: RequestContext,
    @Arg("groupId", () => ID) groupId: string,
    @Arg("memberId", () => ID) memberId: string,
  ): Promise<GroupMember> {
    return this.out(context)(await this.deps.members.remove(requireUserId(context), groupId, memberId, context.traceId));
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupInvite, {
    description: "Admins: a single-use code to join the group as a MEMBER or a VIEWER. The code is shown only here.",
  })
  async createGroupInvite(
    @Ctx() context: RequestContext,
    @Arg("groupId", () => ID) groupId: string,
    @Arg("expiresInHours", () => Int, { nullable: true, description: `1 to ${INVITE_HOURS_MAX}; 168 (a week) when left out.` })
    expiresInHours: number | null,
    @Arg("role", () => GroupRole, { defaultValue: GroupRole.MEMBER, description: "What the joiner becomes: MEMBER or VIEWER." })
    role: GroupRole,
  ): Promise<GroupInvite> {
    const { invite, code } = await this.deps.invites.create(requireUserId(context), groupId, expiresInHours, role);
    return GroupInvite.from(invite, code);
  }

  @Directive(scopes("groups:write"))
  @Mutation(() => GroupInvite, { description: "Admins; revoking twice changes nothing." })
  async revokeGroupInvite(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<GroupInvite> {
    return GroupInvite.from(await this.deps.invites.revoke(requireUserId(context), id));
  }

  @FieldResolver(() => Group, { nullable: true })
  async group(@Root() member: GroupMember, @Ctx() context: RequestContext): Promise<Group | null> {
    const group = await context.loaders.get(this.deps.loaders.group).load(member.groupId);
    return group ? Group.from(group) : null;
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: "Positive: is owed; negative: owes." })
  async balance(@Root() member: GroupMember, @Ctx() context: RequestContext): Promise<MoneyType | null> {
    const [group, balances] = await Promise.all([
      context.loaders.get(this.deps.loaders.group).load(member.groupId),
      context.loaders.get(this.deps.loaders.balances).load(member.groupId),
    ]);
    if (!group) return null;
    return MoneyType.from({ amountMinor: balances.find((b) => b.memberId === member.id)?.amountMinor ?? 0n, currency: group.currency });
  }
}
