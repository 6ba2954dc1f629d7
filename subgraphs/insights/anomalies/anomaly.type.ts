import { Field, ID, ObjectType } from "type-graphql";

import type { StoredAnomaly } from "./anomaly.store.js";

@ObjectType("Anomaly", { description: "Something unusual in your spending, and why it was flagged, with its figures." })
export class AnomalyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "UNUSUAL_AMOUNT, DUPLICATE_CHARGE, NEW_PAYEE_LARGE or CATEGORY_SPIKE." })
  kind!: string;

  @Field(() => String)
  explanation!: string;

  @Field(() => String, { description: "The day of the transaction that raised it." })
  date!: string;

  @Field(() => [ID], { description: "The transactions involved, the one that raised it last." })
  transactionIds!: string[];

  @Field(() => Date)
  detectedAt!: Date;

  @Field(() => Date, { nullable: true })
  dismissedAt!: Date | null;

  static from(a: StoredAnomaly): AnomalyType {
    return Object.assign(new AnomalyType(), {
      id: a.id,
      kind: a.kind,
      explanation: a.explanation,
      date: a.date,
      transactionIds: a.transactionIds,
      detectedAt: a.detectedAt,
      dismissedAt: a.dismissedAt,
    });
  }
}
