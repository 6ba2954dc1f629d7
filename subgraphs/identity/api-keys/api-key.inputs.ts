import { Field, InputType } from "type-graphql";

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: "1-100 characters, e.g. the integration's name." })
  name!: string;

  @Field(() => [String], { description: "1-20 scopes of the form <resource>:read or <resource>:write." })
  scopes!: string[];

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Allow only persisted (safelisted) operations." })
  safelistOnly?: boolean | null;
}
