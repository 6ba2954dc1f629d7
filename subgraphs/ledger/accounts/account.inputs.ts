import { Field, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { AccountType } from "./account.type.js";

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  name!: string;

  @Field(() => AccountType)
  type!: AccountType;

  @Field(() => MoneyInput, { description: "Its currency is the account's. Negative for money owed (credit card, loan)." })
  openingBalance!: MoneyInput;

  @Field(() => String, { description: "YYYY-MM-DD." })
  openingDate!: string;

  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result; kept at least 24 hours." })
  idempotencyKey?: string | null;
}
