import { Field, ID, ObjectType } from "type-graphql";

import type { Recommendation } from "./recommendation.js";

@ObjectType("RecommendationFigure")
export class RecommendationFigure {
  @Field(() => String)
  label!: string;

  @Field(() => String, { description: 'As shown: money with its currency ("1500.00 USD"), a rate or a period.' })
  value!: string;
}

@ObjectType("Recommendation", { description: "Advice from rules over your own data, with the figures that justify it." })
export class RecommendationType {
  @Field(() => ID, { description: "Stable for the same advice; dismissing hides it until the situation is a new one." })
  id!: string;

  @Field(() => String, {
    description: "BUDGET_OVERRUN_STREAK, SUBSCRIPTION_PRICE_INCREASE, EMERGENCY_FUND_LOW, HIGH_INTEREST_LOAN or IDLE_CASH.",
  })
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  explanation!: string;

  @Field(() => [RecommendationFigure])
  figures!: RecommendationFigure[];

  static from(r: Recommendation): RecommendationType {
    return Object.assign(new RecommendationType(), {
      id: r.key,
      kind: r.kind,
      title: r.title,
      explanation: r.explanation,
      figures: r.figures.map((f) => Object.assign(new RecommendationFigure(), f)),
    });
  }
}
