import { Field, ID, InputType } from "type-graphql";

import { CostBasisMethod } from "./portfolio.type.js";

@InputType()
export class CreatePortfolioInput {
  @Field(() => String, { description: "1 to 100 characters." })
  name!: string;

  @Field(() => String, { description: "ISO-4217: values, returns and allocation are reported in it." })
  currency!: string;

  @Field(() => CostBasisMethod)
  costBasisMethod!: CostBasisMethod;

  @Field(() => ID, { nullable: true, description: "One of your ledger accounts, in the portfolio's currency, holding its cash." })
  ledgerAccountId?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}
