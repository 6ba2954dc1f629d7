import { Directive, Field, ID, ObjectType } from "type-graphql";

import type { ApiKeyEntity } from "./api-key.entity.js";

@ObjectType("ApiKey", { description: "An integrator's API key; its secret is shown only when it is created." })
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "The visible start of the secret (`mk_<prefix>_...`)." }) prefix!: string;
  @Field(() => [String], { description: "e.g. transactions:read." }) scopes!: string[];
  @Field(() => Boolean, { description: "Only persisted operations may run with this key." }) safelistOnly!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: "Approximate: updated at most once a minute." }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;

  static from(e: ApiKeyEntity): ApiKey {
    return Object.assign(new ApiKey(), {
      id: e.id,
      name: e.name,
      prefix: e.prefix,
      scopes: e.scopes,
      safelistOnly: e.safelistOnly,
      createdAt: e.createdAt,
      lastUsedAt: e.lastUsedAt,
      revokedAt: e.revokedAt,
    });
  }
}

@ObjectType("CreatedApiKey", { description: "A new key with its secret: store it now, it cannot be shown again." })
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String, { description: "`mk_<prefix>_<secret>`; send it as the x-api-key header." }) secret!: string;
}

/** What the gateway needs to act for a key's owner. Internal: kept out of the client-facing schema. */
@Directive("@inaccessible")
@ObjectType("ApiKeyGrant")
export class ApiKeyGrant {
  @Field(() => ID) keyId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => [String]) scopes!: string[];
  @Field(() => Boolean) safelistOnly!: boolean;

  static from(e: ApiKeyEntity): ApiKeyGrant {
    return Object.assign(new ApiKeyGrant(), { keyId: e.id, userId: e.userId, scopes: e.scopes, safelistOnly: e.safelistOnly });
  }
}
