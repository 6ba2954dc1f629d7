import { Arg, Ctx, Mutation, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { LoginInput, RegisterInput } from "./auth.inputs.js";
import { AuthPayload, LoginResult, MfaChallenge } from "./auth.types.js";

@Resolver()
export class AuthResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Mutation(() => AuthPayload, { description: "Creates an account and signs it in." })
  async register(@Ctx() ctx: RequestContext, @Arg("input", () => RegisterInput) input: RegisterInput): Promise<AuthPayload> {
    return AuthPayload.signIn(ctx, await this.deps.auth.register(input, ctx.client, ctx.traceId));
  }

  @Mutation(() => LoginResult, { description: "Signs in with e-mail and password; accounts with MFA get a challenge instead." })
  async login(@Ctx() ctx: RequestContext, @Arg("input", () => LoginInput) input: LoginInput): Promise<AuthPayload | MfaChallenge> {
    const result = await this.deps.auth.login(input, ctx.client, ctx.traceId);
    return "challenge" in result ? MfaChallenge.from(result) : AuthPayload.signIn(ctx, result);
  }

  @Mutation(() => AuthPayload, { description: "Exchanges a refresh token for a new access and refresh token; the old one is burnt." })
  async refreshSession(@Ctx() ctx: RequestContext, @Arg("refreshToken", () => String) refreshToken: string): Promise<AuthPayload> {
    return AuthPayload.signIn(ctx, await this.deps.auth.refresh(refreshToken, ctx.client));
  }

  @Mutation(() => Boolean, { description: "Ends the session of the access token used for this call." })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.deps.auth.logout(requireSessionUserId(ctx), ctx.caller.sessionId, ctx.client);
    return true;
  }
}
