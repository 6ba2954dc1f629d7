import { Directive, Field, ID, ObjectType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";

/** Identity's user, extended here with their loans. */
@Directive('@key(fields: "id")')
@ObjectType("User")
export class LendingUser {
  @Field(() => ID)
  id!: string;
}

@ObjectType("DebtSummary", { description: "What is owed today on open loans (see Loan.amountOwed), per currency." })
export class DebtSummary {
  @Field(() => [MoneyType], { description: "On BORROWED loans: what you owe." })
  owedByMe!: MoneyType[];

  @Field(() => [MoneyType], { description: "On LENT loans: what you are owed." })
  owedToMe!: MoneyType[];
}
