import { Field, ID, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";

@InputType()
export class RecordSettlementInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => ID)
  fromMemberId!: string;

  @Field(() => ID)
  toMemberId!: string;

  @Field(() => MoneyInput, { description: "Positive, in the group's currency. More than is owed is allowed: the balances flip." })
  amount!: MoneyInput;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "One of your own ledger accounts, in the group's currency: money out when you are paying, in when you are paid.",
  })
  ledgerAccountId?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}
