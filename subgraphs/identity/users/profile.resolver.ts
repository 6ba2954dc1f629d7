import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { UpdateNotificationPreferencesInput } from "../notifications/notification-preferences.type.js";
import { UpdateFinancialPreferencesInput, UpdateProfileInput } from "./user.inputs.js";
import { AccountSecurity, User } from "./user.type.js";

@Resolver(() => User)
export class ProfileResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => User, { nullable: true, description: "The signed-in user; null when anonymous." })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    if (!ctx.caller.userId) return null;
    const entity = await ctx.loaders.get(this.deps.loaders.user).load(ctx.caller.userId);
    return entity ? User.from(entity) : null;
  }

  @FieldResolver(() => AccountSecurity)
  async security(@Root() user: User): Promise<AccountSecurity> {
    return Object.assign(new AccountSecurity(), {
      emailVerified: user.entity.emailVerifiedAt !== null,
      mfaEnabled: user.entity.mfaEnabledAt !== null,
      hasPassword: user.entity.passwordHash !== null,
      userId: user.id,
      lockedUntil: await this.deps.throttle.lockedUntil(user.entity.email, this.deps.clock.now()),
    });
  }

  @Mutation(() => User)
  async updateProfile(@Ctx() ctx: RequestContext, @Arg("input", () => UpdateProfileInput) input: UpdateProfileInput): Promise<User> {
    return User.from(await this.deps.users.updateProfile(requireSessionUserId(ctx), input, ctx.client, ctx.traceId));
  }

  @Mutation(() => User)
  async updateFinancialPreferences(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => UpdateFinancialPreferencesInput) input: UpdateFinancialPreferencesInput,
  ): Promise<User> {
    return User.from(await this.deps.users.updateFinancialPreferences(requireSessionUserId(ctx), input, ctx.client, ctx.traceId));
  }

  @Mutation(() => User)
  async updateNotificationPreferences(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => UpdateNotificationPreferencesInput) input: UpdateNotificationPreferencesInput,
  ): Promise<User> {
    return User.from(await this.deps.users.updateNotificationPreferences(requireSessionUserId(ctx), input, ctx.client, ctx.traceId));
  }
}
