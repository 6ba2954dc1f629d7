import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";

import type { RequestContext } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { AccountSecurity } from "../users/user.type.js";

/** MFA's part of the owner's security overview. */
@Resolver(() => AccountSecurity)
export class MfaSecurityResolver {
  constructor(private readonly deps: IdentityDeps) {}

  // No loader: AccountSecurity only exists for the caller (users resolve only themselves), so a
  // request holds at most one. The owner check keeps that true if the type ever gets reachable otherwise.
  @FieldResolver(() => Int, { description: "Unused MFA backup codes; 0 without MFA." })
  async backupCodesRemaining(@Root() security: AccountSecurity, @Ctx() ctx: RequestContext): Promise<number> {
    if (security.userId !== ctx.caller.userId) return 0;
    return this.deps.mfa.backupCodesRemaining(security.userId);
  }
}
