import { Field, ID, InputType } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";

@InputType()
export class RecordLoanPaymentInput {
  @Field(() => ID)
  loanId!: string;

  @Field(() => MoneyInput, { description: "Positive, in the loan's currency, at most what pays the loan off on that date." })
  amount!: MoneyInput;

  @Field(() => String, { description: "YYYY-MM-DD, from the loan's start to today." })
  date!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "One of your own ledger accounts, in the loan's currency: the ledger books the payment on it (money out on a BORROWED loan, in on a LENT one), split into principal and interest.",
  })
  ledgerAccountId?: string | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result; kept at least 24 hours." })
  idempotencyKey?: string | null;
}
