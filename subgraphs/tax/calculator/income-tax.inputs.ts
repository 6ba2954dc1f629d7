import { Field, InputType, Int } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";

@InputType()
export class IncomeTaxInput {
  @Field(() => String, { description: 'A jurisdiction with tax tables (see taxTables), e.g. "US".' })
  jurisdiction!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String, {
    description: "One of the table's filing statuses (US: SINGLE, MARRIED_FILING_JOINTLY, MARRIED_FILING_SEPARATELY, HEAD_OF_HOUSEHOLD).",
  })
  filingStatus!: string;

  @Field(() => MoneyInput, { description: "In the table's currency. Zero or less owes no tax." })
  taxableIncome!: MoneyInput;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "Qualified dividends and net long-term capital gain included in taxableIncome: 0 to taxableIncome (0 when left out).",
  })
  qualifiedIncome?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: "A named law revision of the year's table; the newest when left out." })
  revision?: string | null;
}
