import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireOwnUser, scopes } from "../../../platform/graphql/index.js";
import type { GroupsDeps } from "../groups.deps.js";
import { Group } from "../groups/group.type.js";
import { GroupsUser } from "./user.type.js";

/** Groups' fields on `User`; a User here is only ever the caller. */
@Resolver(() => GroupsUser)
export class GroupsUserResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @Directive(scopes("groups:read"))
  @FieldResolver(() => [Group], { description: "The groups the user is a member of, oldest first." })
  async groups(
    @Root() user: GroupsUser,
    @Ctx() context: RequestContext,
    @Arg("includeArchived", () => Boolean, { defaultValue: false }) includeArchived: boolean,
  ): Promise<Group[]> {
    return (await this.deps.groups.list(requireOwnUser(user, context), includeArchived)).map(Group.from);
  }
}
