import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";

import { forbidden } from "../../../platform/errors/index.js";
import type { RequestContext } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { ApiKeyGrant } from "./api-key.type.js";

/**
 * Held only by the gateway's own service caller. Checked literally: a signed-in user's `*` grants
 * every user-facing scope, never an internal one.
 */
export const INTERNAL_API_KEYS_SCOPE = "internal:api-keys";

/** The gateway's lookup; `@inaccessible` keeps it out of the client-facing schema. */
@Resolver()
export class ApiKeyGrantResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Directive("@inaccessible")
  @Query(() => ApiKeyGrant, {
    nullable: true,
    description: "Gateway only: the grant behind an API key secret; null if unknown or revoked.",
  })
  async resolveApiKey(@Ctx() ctx: RequestContext, @Arg("secret", () => String) secret: string): Promise<ApiKeyGrant | null> {
    if (!ctx.caller.scopes.includes(INTERNAL_API_KEYS_SCOPE)) throw forbidden("resolveApiKey is for the gateway only");
    const key = await this.deps.apiKeys.resolve(secret);
    return key ? ApiKeyGrant.from(key) : null;
  }
}
