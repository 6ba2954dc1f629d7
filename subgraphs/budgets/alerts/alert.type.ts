import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { BudgetAlertEntity } from "./alert.entity.js";

export enum AlertLevel {
  WARNING = "WARNING",
  CRITICAL = "CRITICAL",
}
registerEnumType(AlertLevel, {
  name: "BudgetAlertLevel",
  description: "WARNING: the warning threshold (BudgetThresholdReached); CRITICAL: the critical one (BudgetExceeded).",
});

@ObjectType("BudgetAlert")
export class BudgetAlert {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  budgetId!: string;

  @Field(() => AlertLevel)
  level!: AlertLevel;

  @Field(() => String)
  periodStart!: string;

  @Field(() => String)
  periodEnd!: string;

  @Field(() => MoneyType, { description: "Spent when it fired." })
  spent!: MoneyType;

  @Field(() => MoneyType)
  available!: MoneyType;

  @Field(() => String)
  createdAt!: string;

  @Field(() => Boolean, { description: "Spending fell back under the threshold since." })
  rearmed!: boolean;

  static from(a: BudgetAlertEntity): BudgetAlert {
    return Object.assign(new BudgetAlert(), {
      id: a.id,
      budgetId: a.budgetId,
      level: a.level as AlertLevel,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      spent: MoneyType.from({ amountMinor: a.spentMinor, currency: a.currency }),
      available: MoneyType.from({ amountMinor: a.availableMinor, currency: a.currency }),
      createdAt: a.createdAt.toISOString(),
      rearmed: a.rearmedAt !== null,
    });
  }
}
