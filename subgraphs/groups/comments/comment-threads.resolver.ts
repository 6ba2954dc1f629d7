import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";

import type { RequestContext } from "../../../platform/graphql/index.js";
import { GroupExpense } from "../expenses/expense.type.js";
import type { GroupsDeps } from "../groups.deps.js";
import { GroupSettlement } from "../settlements/settlement.type.js";
import { GroupComment } from "./comment.type.js";

const THREAD = { description: "The thread: comments not deleted, oldest first. Viewers read it too." };

@Resolver(() => GroupExpense)
export class ExpenseCommentsResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @FieldResolver(() => [GroupComment], THREAD)
  async comments(@Root() expense: GroupExpense, @Ctx() context: RequestContext): Promise<GroupComment[]> {
    return (await context.loaders.get(this.deps.loaders.commentThread).load(expense.id)).map(GroupComment.from);
  }
}

@Resolver(() => GroupSettlement)
export class SettlementCommentsResolver {
  constructor(private readonly deps: GroupsDeps) {}

  @FieldResolver(() => [GroupComment], THREAD)
  async comments(@Root() settlement: GroupSettlement, @Ctx() context: RequestContext): Promise<GroupComment[]> {
    return (await context.loaders.get(this.deps.loaders.commentThread).load(settlement.id)).map(GroupComment.from);
  }
}
