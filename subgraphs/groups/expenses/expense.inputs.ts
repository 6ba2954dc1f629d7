import { Field, ID, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { SplitModeValue } from "./expense.type.js";

const LEDGER_ACCOUNT =
  "One of your own ledger accounts, in the expense's currency: the ledger books what you paid on it. NOT_FOUND when it is not yours (one created a moment ago can take a few seconds to reach groups: retry).";

@InputType()
export class GroupPayerInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, { description: "Decimal in the expense's currency; the payers add up to the amount." })
  amount!: string;
}

@InputType()
export class GroupSplitPartInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String, {
    nullable: true,
    description: "Per mode: ignored (EQUAL), a weight (SHARES), an amount (EXACT), basis points (PERCENT).",
  })
  value?: string | null;
}

@InputType()
export class GroupSplitInput {
  @Field(() => SplitModeValue)
  mode!: SplitModeValue;

  @Field(() => [GroupSplitPartInput], { description: "Who shares the expense; each member once." })
  parts!: GroupSplitPartInput[];
}

@InputType()
export class AddGroupExpenseInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => String, { description: "1 to 200 characters." })
  description!: string;

  @Field(() => MoneyInput, { description: "Positive." })
  amount!: MoneyInput;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => [GroupPayerInput])
  paidBy!: GroupPayerInput[];

  @Field(() => GroupSplitInput)
  split!: GroupSplitInput;

  @Field(() => String, {
    nullable: true,
    description: "Required when amount is not in the group's currency: group-currency units per 1 unit of it.",
  })
  exchangeRate?: string | null;

  @Field(() => ID, { nullable: true, description: LEDGER_ACCOUNT })
  ledgerAccountId?: string | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key and input returns the first expense." })
  idempotencyKey?: string | null;
}

@InputType({
  description: "Fields left out stay as they are; the split is recomputed. exchangeRate or ledgerAccountId set to null clear them.",
})
export class UpdateGroupExpenseInput {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => [GroupPayerInput], { nullable: true })
  paidBy?: GroupPayerInput[] | null;

  @Field(() => GroupSplitInput, { nullable: true })
  split?: GroupSplitInput | null;

  @Field(() => String, { nullable: true })
  exchangeRate?: string | null;

  @Field(() => ID, { nullable: true, description: LEDGER_ACCOUNT })
  ledgerAccountId?: string | null;
}

@InputType({ description: "Every condition given must hold." })
export class GroupExpenseFilter {
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, inclusive." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, inclusive." })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: "Expenses this member paid for or has a share in." })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: "Words in the description (case-insensitive)." })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Include deleted expenses (default false)." })
  includeDeleted?: boolean | null;
}
