import { Field, InputType } from "type-graphql";

@InputType()
export class RegisterInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: "At least 12 characters, not a common password." })
  password!: string;

  @Field(() => String)
  displayName!: string;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}
