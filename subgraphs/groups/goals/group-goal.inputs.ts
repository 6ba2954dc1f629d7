import { Field, ID, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";

@InputType()
export class CreateGroupSavingsGoalInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => String, { description: "1 to 100 characters." })
  name!: string;

  @Field(() => MoneyInput, { description: "Positive, in the group's currency." })
  target!: MoneyInput;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, today or later." })
  deadline?: string | null;
}

@InputType()
export class GroupSavingsGoalMovementInput {
  @Field(() => ID)
  goalId!: string;

  @Field(() => MoneyInput, { description: "Positive, in the goal's currency." })
  amount!: MoneyInput;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key and input moves the money once." })
  idempotencyKey?: string | null;
}
