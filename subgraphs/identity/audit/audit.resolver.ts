import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { SecurityEvent } from "./audit.type.js";

@Resolver(() => SecurityEvent)
export class AuditResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => [SecurityEvent], { description: "The caller's security log, newest first; page with `before` = last id seen." })
  async securityEvents(
    @Ctx() ctx: RequestContext,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("before", () => ID, { nullable: true }) before?: string,
  ): Promise<SecurityEvent[]> {
    if (first < 1 || first > 200) throw badInput("first must be between 1 and 200", { field: "first" });
    return (await this.deps.audit.list(requireSessionUserId(ctx), first, before)).map(SecurityEvent.from);
  }
}
