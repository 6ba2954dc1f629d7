import { Field, ObjectType } from "type-graphql";

import type { ExternalIdentityEntity } from "./external-identity.entity.js";
import type { ExternalLoginStarted } from "./external-login.service.js";

@ObjectType({ description: "Where to send the browser to sign in with an external provider." })
export class ExternalLoginStart {
  @Field(() => String, { description: "Open this URL; the provider redirects back to redirectUri with code and state." })
  authorizationUrl!: string;

  @Field(() => String, {
    description: "Check it equals the callback's `state` before calling completeExternalLogin; valid 10 minutes, once.",
  })
  state!: string;

  static from(started: ExternalLoginStarted): ExternalLoginStart {
    return Object.assign(new ExternalLoginStart(), started);
  }
}

@ObjectType({ description: "A provider account that signs in as the caller." })
export class ExternalAccount {
  @Field(() => String)
  provider!: string;

  @Field(() => String, { nullable: true, description: "The address the provider last reported." })
  email!: string | null;

  @Field(() => Date)
  linkedAt!: Date;

  static from(entity: ExternalIdentityEntity): ExternalAccount {
    return Object.assign(new ExternalAccount(), { provider: entity.provider, email: entity.email, linkedAt: entity.linkedAt });
  }
}
