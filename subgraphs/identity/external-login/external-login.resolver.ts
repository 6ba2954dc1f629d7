import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import { AuthPayload, LoginResult, MfaChallenge } from "../auth/auth.types.js";
import type { IdentityDeps } from "../identity.deps.js";
import { ExternalAccount, ExternalLoginStart } from "./external-login.type.js";

@Resolver()
export class ExternalLoginResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => [String], { description: "Providers startExternalLogin accepts." })
  externalLoginProviders(): string[] {
    return this.deps.externalLogin.providerNames();
  }

  @Query(() => [ExternalAccount], { description: "Provider accounts that sign in as the caller." })
  async externalAccounts(@Ctx() ctx: RequestContext): Promise<ExternalAccount[]> {
    return (await this.deps.externalLogin.linkedAccounts(requireSessionUserId(ctx))).map(ExternalAccount.from);
  }

  @Mutation(() => ExternalLoginStart, {
    description: "Begins sign-in with an external OpenID Connect provider; redirectUri must be registered for it.",
  })
  async startExternalLogin(
    @Ctx() ctx: RequestContext,
    @Arg("provider", () => String) provider: string,
    @Arg("redirectUri", () => String) redirectUri: string,
  ): Promise<ExternalLoginStart> {
    return ExternalLoginStart.from(await this.deps.externalLogin.start(provider, redirectUri, ctx.client));
  }

  @Mutation(() => LoginResult, {
    description: "Finishes external sign-in with the full URL the provider redirected to; links or creates the account and signs it in.",
  })
  async completeExternalLogin(
    @Ctx() ctx: RequestContext,
    @Arg("provider", () => String) provider: string,
    @Arg("callbackUrl", () => String) callbackUrl: string,
  ): Promise<AuthPayload | MfaChallenge> {
    const result = await this.deps.externalLogin.complete(provider, callbackUrl, ctx.client, ctx.traceId);
    return "challenge" in result ? MfaChallenge.from(result) : AuthPayload.signIn(ctx, result);
  }
}
