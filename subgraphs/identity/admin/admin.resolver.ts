import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import { SecurityEvent } from "../audit/audit.type.js";
import type { IdentityDeps } from "../identity.deps.js";
import { notAnOperator } from "./admin.errors.js";
import { AdminLockUserInput } from "./admin.inputs.js";
import type { Operator } from "./admin.service.js";
import { AdminUser, SystemHealthType } from "./admin.types.js";

/**
 * The operator's fields. Each needs a signed-in session (never an API key) of a user holding the
 * admin role, checked in the database on every call, so revoking the role takes effect at once.
 */
@Resolver()
export class AdminResolver {
  constructor(private readonly deps: IdentityDeps) {}

  private async operator(ctx: RequestContext): Promise<Operator> {
    const userId = requireSessionUserId(ctx);
    if (!(await this.deps.operatorRoles.isAdmin(userId))) throw notAnOperator();
    return { userId, client: ctx.client };
  }

  @Query(() => [AdminUser], {
    description: "Operators: accounts by id or part of the e-mail address. Recorded in each found user's security log.",
  })
  async adminUsers(
    @Ctx() ctx: RequestContext,
    @Arg("search", () => String) search: string,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<AdminUser[]> {
    return (await this.deps.admin.findUsers(await this.operator(ctx), search, first)).map(AdminUser.from);
  }

  @Query(() => [SecurityEvent], { description: "Operators: a user's security log, newest first. Recorded in that log." })
  async adminSecurityEvents(
    @Ctx() ctx: RequestContext,
    @Arg("userId", () => ID) userId: string,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("before", () => ID, { nullable: true }) before?: string,
  ): Promise<SecurityEvent[]> {
    return (await this.deps.admin.securityLog(await this.operator(ctx), userId, first, before)).map(SecurityEvent.from);
  }

  @Query(() => SystemHealthType, {
    description: "Operators: every subgraph's readiness, and the database, cache and outbox as identity sees them.",
  })
  async systemHealth(@Ctx() ctx: RequestContext): Promise<SystemHealthType> {
    await this.operator(ctx);
    return SystemHealthType.from(await this.deps.systemHealth.check());
  }

  @Mutation(() => AdminUser, { description: "Operators: locks an account (no sign-in or refresh) and signs it out everywhere." })
  async adminLockUser(@Ctx() ctx: RequestContext, @Arg("input", () => AdminLockUserInput) input: AdminLockUserInput): Promise<AdminUser> {
    return AdminUser.from(await this.deps.admin.lock(await this.operator(ctx), input.userId, input.reason));
  }

  @Mutation(() => AdminUser, { description: "Operators: lifts a lock." })
  async adminUnlockUser(@Ctx() ctx: RequestContext, @Arg("userId", () => ID) userId: string): Promise<AdminUser> {
    return AdminUser.from(await this.deps.admin.unlock(await this.operator(ctx), userId));
  }

  @Mutation(() => Int, { description: "Operators: signs a user out of every device at once; returns how many sessions ended." })
  async adminSignOutUser(@Ctx() ctx: RequestContext, @Arg("userId", () => ID) userId: string): Promise<number> {
    return this.deps.admin.signOut(await this.operator(ctx), userId);
  }
}
