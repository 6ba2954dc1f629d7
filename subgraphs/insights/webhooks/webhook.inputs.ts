import { Field, InputType } from "type-graphql";

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: "https:// URL (http:// outside production) on the public internet; no credentials." })
  url!: string;

  @Field(() => [String], { description: "1 to 20 kinds from webhookEventKinds, each allowed by your scopes." })
  events!: string[];

  @Field(() => String, { nullable: true, description: "Up to 500 characters, for you." })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Retrying with the same key returns the first result (secret included); kept at least 24 hours.",
  })
  idempotencyKey?: string | null;
}
