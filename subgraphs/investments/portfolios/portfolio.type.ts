import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

import type { PortfolioEntity } from "./portfolio.entity.js";

export enum CostBasisMethod {
  FIFO = "FIFO",
  AVERAGE_COST = "AVERAGE_COST",
}
registerEnumType(CostBasisMethod, {
  name: "CostBasisMethod",
  description: "How a SELL picks the lots it closes.",
  valuesConfig: {
    FIFO: { description: "Oldest lots first." },
    AVERAGE_COST: { description: "Every open lot at the position's average cost per unit." },
  },
});

@Directive('@key(fields: "id")')
@ObjectType("Portfolio", {
  description:
    "Holdings valued and measured together in one currency. Lots, positions, cash and returns are replayed from the activity on every read, so an edit anywhere in the past changes every figure after it.",
})
export class Portfolio {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "ISO-4217: values, returns and allocation are in it; holdings keep their securities' currencies." })
  currency!: string;

  @Field(() => CostBasisMethod)
  costBasisMethod!: CostBasisMethod;

  @Field(() => ID, {
    nullable: true,
    description:
      "The ledger account holding the portfolio's cash: net worth counts that cash in the ledger, so the portfolio's own cash is left out of User.investmentsValue.",
  })
  ledgerAccountId!: string | null;

  @Field(() => Boolean, { description: "Archived portfolios keep their history and figures but take no new activity." })
  archived!: boolean;

  @Field(() => String, { description: "ISO-8601 instant." })
  createdAt!: string;

  static from(entity: PortfolioEntity): Portfolio {
    return Object.assign(new Portfolio(), {
      id: entity.id,
      name: entity.name,
      currency: entity.currency,
      costBasisMethod: entity.costBasisMethod as CostBasisMethod,
      ledgerAccountId: entity.ledgerAccountId,
      archived: entity.archivedAt !== null,
      createdAt: entity.createdAt.toISOString(),
    });
  }
}
