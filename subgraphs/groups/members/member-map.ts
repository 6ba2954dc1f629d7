import type { RequestContext } from "../../../platform/graphql/index.js";
import type { GroupsLoaders } from "../groups.deps.js";
import { GroupMember } from "./member.type.js";

/** The group's members (removed ones too) as GraphQL objects by id, through the request's loader. */
export async function memberMap(context: RequestContext, loaders: GroupsLoaders, groupId: string): Promise<Map<string, GroupMember>> {
  const members = await context.loaders.get(loaders.membersByGroup).load(groupId);
  return new Map(members.map((m) => [m.id, GroupMember.from(m, context.caller.userId ?? null)]));
}

/** A member the caller's group is known to have (lines and balances only name the group's own members). */
export function memberIn(members: Map<string, GroupMember>, id: string): GroupMember {
  const member = members.get(id);
  if (!member) throw new Error(`member ${id} is not in its group`);
  return member;
}
