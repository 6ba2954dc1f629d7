import { Field, ID, InputType, Int } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { LoanDirection, LoanMethod, PrepaymentStrategy } from "./loan.type.js";

@InputType({ description: "Exactly one of flat or percent." })
export class LateFeeInput {
  @Field(() => MoneyInput, { nullable: true, description: "A fixed fee, in the loan's currency." })
  flat?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: 'Percent of what is unpaid of the installment, above 0 and at most 100 ("5").' })
  percent?: string | null;
}

@InputType()
export class CreateLoanInput {
  @Field(() => String, { description: "1 to 100 characters." })
  name!: string;

  @Field(() => LoanDirection)
  direction!: LoanDirection;

  @Field(() => ID, { description: "One of your contacts." })
  contactId!: string;

  @Field(() => MoneyInput, { description: "Positive; its currency is the loan's." })
  principal!: MoneyInput;

  @Field(() => String, { description: 'Annual rate in percent, 0 to 100, a decimal string ("6.5"); never a float.' })
  annualRatePercent!: string;

  @Field(() => Int, { nullable: true, description: "1 to 600; required unless schedule is false." })
  termMonths?: number | null;

  @Field(() => String, { description: "YYYY-MM-DD, 1900 to 2100; installment k is due k months later." })
  startDate!: string;

  @Field(() => LoanMethod, { nullable: true, description: "AMORTIZING when left out." })
  method?: LoanMethod | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "false: an informal, interest-free loan repaid whenever (no installments, nothing overdue); leave out termMonths and method.",
  })
  schedule?: boolean | null;

  @Field(() => Int, { nullable: true, description: "0 to 365 (0 when left out)." })
  graceDays?: number | null;

  @Field(() => Int, { nullable: true, description: "0 to 60 (3 when left out): InstallmentDue is announced that many days before." })
  remindDaysBefore?: number | null;

  @Field(() => LateFeeInput, { nullable: true })
  lateFee?: LateFeeInput | null;

  @Field(() => PrepaymentStrategy, { nullable: true, description: "REDUCE_TERM when left out." })
  prepaymentStrategy?: PrepaymentStrategy | null;

  @Field(() => String, { nullable: true, description: "Retrying with the same key returns the first result; kept at least 24 hours." })
  idempotencyKey?: string | null;
}
