import { Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../subgraph.js";
import { User } from "./user.type.js";

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => User, { nullable: true, description: "The signed-in user; null when anonymous." })
  async me(@Ctx() context: RequestContext): Promise<User | null> {
    const userId = context.caller.userId;
    if (!userId) return null;
    const entity = await context.loaders.get(this.deps.userLoader).load(userId);
    return entity ? User.from(entity) : null;
  }
}
