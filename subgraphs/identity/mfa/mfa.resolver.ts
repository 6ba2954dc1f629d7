import { Arg, Ctx, Mutation, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import { AuthPayload } from "../auth/auth.types.js";
import type { IdentityDeps } from "../identity.deps.js";
import { MfaActivation, MfaEnrolment } from "./mfa.type.js";

@Resolver()
export class MfaResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Mutation(() => MfaEnrolment, {
    description: "Starts TOTP enrolment (again, replacing an unconfirmed secret); MFA stays off until confirmMfa.",
  })
  async enrolMfa(@Ctx() ctx: RequestContext): Promise<MfaEnrolment> {
    return Object.assign(new MfaEnrolment(), await this.deps.mfa.enrol(requireSessionUserId(ctx), ctx.client));
  }

  @Mutation(() => MfaActivation, {
    description: "Turns MFA on with a code from the enrolled app; returns the backup codes, shown this once.",
  })
  async confirmMfa(@Ctx() ctx: RequestContext, @Arg("code", () => String) code: string): Promise<MfaActivation> {
    return Object.assign(new MfaActivation(), await this.deps.mfa.confirm(requireSessionUserId(ctx), code, ctx.client, ctx.traceId));
  }

  @Mutation(() => Boolean, { description: "Turns MFA off; needs a current code from the app (not a backup code)." })
  async disableMfa(@Ctx() ctx: RequestContext, @Arg("code", () => String) code: string): Promise<boolean> {
    await this.deps.mfa.disable(requireSessionUserId(ctx), code, ctx.client, ctx.traceId);
    return true;
  }

  @Mutation(() => [String], {
    description: "Replaces all backup codes; needs a current code from the app. The new codes are shown this once.",
  })
  async regenerateBackupCodes(@Ctx() ctx: RequestContext, @Arg("code", () => String) code: string): Promise<string[]> {
    return this.deps.mfa.regenerateBackupCodes(requireSessionUserId(ctx), code, ctx.client);
  }

  @Mutation(() => AuthPayload, {
    description: "Completes a login that answered with an MfaChallenge, with a code from the app or a backup code.",
  })
  async verifyMfa(
    @Ctx() ctx: RequestContext,
    @Arg("challenge", () => String) challenge: string,
    @Arg("code", () => String) code: string,
  ): Promise<AuthPayload> {
    return AuthPayload.signIn(ctx, await this.deps.mfa.verify(challenge, code, ctx.client, ctx.traceId));
  }
}
