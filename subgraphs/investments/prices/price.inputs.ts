import { Field, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";

@InputType()
export class PriceInput {
  @Field(() => String, { description: "A shared security's symbol or one of your own." })
  symbol!: string;

  @Field(() => String, { description: "YYYY-MM-DD, from 1900 on, not in the future." })
  date!: string;

  @Field(() => MoneyInput, { description: "Positive, in the security's currency." })
  close!: MoneyInput;
}

@InputType()
export class SetPricesInput {
  @Field(() => [PriceInput], { description: "At most 5,000; a symbol appears once per day." })
  prices!: PriceInput[];
}
