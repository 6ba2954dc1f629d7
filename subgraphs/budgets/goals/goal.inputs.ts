import { Field, ID, InputType, Int } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { AutoSaveMode } from "./goal.type.js";

/** Budgets checks account ids against its own copy of the caller's ledger accounts (from ledger events). */
const CHECKED =
  "NOT_FOUND when it is not one of your accounts (one created a moment ago can take a few seconds to reach budgets: retry); BAD_USER_INPUT when it is archived.";
const LINKED_ACCOUNT = `One of your ledger accounts, where the money is kept. ${CHECKED}`;

@InputType()
export class CreateSavingsGoalInput {
  @Field(() => String, { description: "1 to 100 characters." })
  name!: string;

  @Field(() => MoneyInput, { description: "Positive, in your base currency." })
  target!: MoneyInput;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, today or later." })
  targetDate?: string | null;

  @Field(() => ID, { nullable: true, description: LINKED_ACCOUNT })
  linkedAccountId?: string | null;
}

@InputType({ description: "Fields left out stay as they are; targetDate or linkedAccountId set to null clear them." })
export class UpdateSavingsGoalInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: "Positive, in the goal's currency." })
  target?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, today or later." })
  targetDate?: string | null;

  @Field(() => ID, { nullable: true, description: LINKED_ACCOUNT })
  linkedAccountId?: string | null;
}

@InputType()
export class CreateAutoSaveRuleInput {
  @Field(() => ID)
  goalId!: string;

  @Field(() => AutoSaveMode)
  mode!: AutoSaveMode;

  @Field(() => Int, { nullable: true, description: "PERCENT only: hundredths of a percent, 1..10000 (1000 = 10 %)." })
  percentBasisPoints?: number | null;

  @Field(() => MoneyInput, { nullable: true, description: "FIXED only: per income, positive, in the goal's currency." })
  amount?: MoneyInput | null;

  @Field(() => ID, {
    nullable: true,
    description: `Only income into this account, one of your ledger accounts; left out = any account. ${CHECKED}`,
  })
  accountId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Default true." })
  enabled?: boolean | null;
}
