import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { BudgetPeriod, RolloverMode } from "./budget.type.js";

export enum AmountChangeFrom {
  CURRENT_PERIOD = "CURRENT_PERIOD",
  NEXT_PERIOD = "NEXT_PERIOD",
}
registerEnumType(AmountChangeFrom, { name: "AmountChangeFrom" });

@InputType()
export class CreateBudgetInput {
  @Field(() => String)
  name!: string;

  @Field(() => [ID], { description: "Expense categories (their subcategories included); [] for every expense." })
  categoryIds!: string[];

  @Field(() => BudgetPeriod)
  period!: BudgetPeriod;

  @Field(() => MoneyInput, { description: "Per period, in the base currency." })
  amount!: MoneyInput;

  @Field(() => RolloverMode, { nullable: true, defaultValue: RolloverMode.NONE })
  rollover?: RolloverMode | null;

  @Field(() => Int, { nullable: true, defaultValue: 80, description: "1-1000 %." })
  warningPercent?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: "1-1000 %." })
  criticalPercent?: number | null;

  @Field(() => String, { nullable: true, description: "A day in the first period (default today); rollover counts from there." })
  startDate?: string | null;
}

@InputType({ description: "Only the fields given change." })
export class UpdateBudgetInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  categoryIds?: string[] | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => AmountChangeFrom, { nullable: true, description: "Default CURRENT_PERIOD; past periods keep their amounts." })
  applyFrom?: AmountChangeFrom | null;

  @Field(() => RolloverMode, { nullable: true })
  rollover?: RolloverMode | null;

  @Field(() => Int, { nullable: true })
  warningPercent?: number | null;

  @Field(() => Int, { nullable: true })
  criticalPercent?: number | null;
}
