import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireSessionUserId } from "../../../platform/graphql/index.js";
import type { IdentityDeps } from "../identity.deps.js";
import { CreateApiKeyInput } from "./api-key.inputs.js";
import { ApiKey, CreatedApiKey } from "./api-key.type.js";

/** Managing keys needs a signed-in session: a key can never mint or revoke keys. */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => [ApiKey], { description: "The caller's API keys, revoked ones included, newest first." })
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return (await this.deps.apiKeys.list(requireSessionUserId(ctx))).map(ApiKey.from);
  }

  @Mutation(() => CreatedApiKey, { description: "Issues an API key; the secret is in this response only." })
  async createApiKey(@Ctx() ctx: RequestContext, @Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const userId = requireSessionUserId(ctx);
    const { key, secret } = await this.deps.apiKeys.create(
      userId,
      { name: input.name, scopes: input.scopes, safelistOnly: input.safelistOnly ?? false },
      ctx.client,
      ctx.traceId,
    );
    return Object.assign(new CreatedApiKey(), { apiKey: ApiKey.from(key), secret });
  }

  @Mutation(() => ApiKey, { description: "Revokes one of the caller's API keys; gateways refuse it within seconds (a minute at most)." })
  async revokeApiKey(@Ctx() ctx: RequestContext, @Arg("id", () => ID) id: string): Promise<ApiKey> {
    const userId = requireSessionUserId(ctx);
    return ApiKey.from(await this.deps.apiKeys.revoke(userId, id, ctx.client, ctx.traceId));
  }
}
