import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { DataExportType } from "./account.types.js";

@Resolver()
export class AccountResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => DataExportType, { description: "Everything identity stores about the caller, as JSON." })
  async exportMyData(@Ctx() ctx: RequestContext): Promise<DataExportType> {
    return Object.assign(new DataExportType(), await this.deps.account.export(requireSessionUserId(ctx), ctx.client));
  }

  @Mutation(() => Boolean, { description: "Deletes the account and, through UserDeleted, the user's data in every subgraph." })
  async deleteAccount(@Ctx() ctx: RequestContext, @Arg("password", () => String) password: string): Promise<boolean> {
    await this.deps.account.delete(requireSessionUserId(ctx), password, ctx.client, ctx.traceId);
    return true;
  }
}
