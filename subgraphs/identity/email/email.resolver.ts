import { Arg, Ctx, Mutation, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";

@Resolver()
export class EmailResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Mutation(() => Boolean, {
    description: "Mails the caller a new verification link (at most a few per hour); true and no mail if already verified.",
  })
  async requestEmailVerification(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.deps.emailVerification.request(requireSessionUserId(ctx));
    return true;
  }

  @Mutation(() => Boolean, { description: "Confirms the e-mail address with the token from the verification link. Needs no sign-in." })
  async verifyEmail(@Ctx() ctx: RequestContext, @Arg("token", () => String) token: string): Promise<boolean> {
    await this.deps.emailVerification.verify(token, ctx.client, ctx.traceId);
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Mails a password-reset link if the address has an account. Always true: the answer never tells.",
  })
  async requestPasswordReset(@Ctx() ctx: RequestContext, @Arg("email", () => String) email: string): Promise<boolean> {
    await this.deps.passwordReset.request(email, ctx.client);
    return true;
  }

  @Mutation(() => Boolean, { description: "Sets a new password with the token from the reset link and signs every device out." })
  async resetPassword(
    @Ctx() ctx: RequestContext,
    @Arg("token", () => String) token: string,
    @Arg("newPassword", () => String, { description: "At least 12 characters, not a common password." }) newPassword: string,
  ): Promise<boolean> {
    await this.deps.passwordReset.reset(token, newPassword, ctx.client, ctx.traceId);
    return true;
  }

  @Mutation(() => Boolean, { description: "Replaces the caller's password; every other device is signed out." })
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Arg("currentPassword", () => String) currentPassword: string,
    @Arg("newPassword", () => String, { description: "At least 12 characters, not a common password." }) newPassword: string,
  ): Promise<boolean> {
    const userId = requireSessionUserId(ctx);
    await this.deps.passwordChange.change(userId, ctx.caller.sessionId, currentPassword, newPassword, ctx.client);
    return true;
  }
}
