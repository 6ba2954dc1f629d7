import { Field, ID, InputType } from "type-graphql";

@InputType("AdminLockUserInput")
export class AdminLockUserInput {
  @Field(() => ID) userId!: string;
  @Field(() => String, { description: "Shown to the user in their security log; 1 to 500 characters." }) reason!: string;
}
