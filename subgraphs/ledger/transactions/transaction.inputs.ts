import { Field, InputType } from "type-graphql";
import { MoneyInput } from "../../../platform/money/index.js";

@InputType()
export class PostTransactionInput {
  @Field(() => MoneyInput, { description: "Negative for money out." })
  amount!: MoneyInput;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: "Calendar date, YYYY-MM-DD." })
  date!: string;
}
