import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { BudgetEntity } from "./budget.entity.js";
import type { BudgetProgressFigures } from "./budget-progress.service.js";

export enum BudgetPeriod {
  WEEKLY = "WEEKLY",
  MONTHLY = "MONTHLY",
  QUARTERLY = "QUARTERLY",
  YEARLY = "YEARLY",
}
registerEnumType(BudgetPeriod, { name: "BudgetPeriod", description: "Aligned to the user's first day of week and month start day." });

export enum RolloverMode {
  NONE = "NONE",
  LEFTOVER = "LEFTOVER",
  ENVELOPE = "ENVELOPE",
}
registerEnumType(RolloverMode, {
  name: "RolloverMode",
  description:
    "NONE: each period starts fresh. LEFTOVER: an unspent remainder carries forward. ENVELOPE: remainder and overspend both carry.",
});

export enum BudgetStatus {
  ON_TRACK = "ON_TRACK",
  WARNING = "WARNING",
  EXCEEDED = "EXCEEDED",
}
registerEnumType(BudgetStatus, { name: "BudgetStatus" });

/** A category as the ledger owns it; budgets adds `budgets` (see categories/). */
@Directive('@key(fields: "id")')
@ObjectType("Category")
export class CategoryRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType("BudgetProgress", { description: "One period of a budget. Money is in the budget's (the base) currency." })
export class BudgetProgress {
  @Field(() => String)
  periodStart!: string;

  @Field(() => String, { description: "Inclusive." })
  periodEnd!: string;

  @Field(() => MoneyType)
  budgeted!: MoneyType;

  @Field(() => MoneyType, { description: "From the previous period, by the rollover mode." })
  carriedIn!: MoneyType;

  @Field(() => MoneyType, { description: "budgeted + carried in." })
  available!: MoneyType;

  @Field(() => MoneyType, { description: "Money out in the covered categories; refunds reduce it." })
  spent!: MoneyType;

  @Field(() => MoneyType)
  remaining!: MoneyType;

  @Field(() => Float, { description: "spent / available × 100, one decimal." })
  percentUsed!: number;

  @Field(() => Int)
  daysRemaining!: number;

  @Field(() => MoneyType)
  averageDailySpend!: MoneyType;

  @Field(() => MoneyType, { description: "At this pace, what will be spent by the period's end." })
  projectedSpend!: MoneyType;

  @Field(() => BudgetStatus)
  status!: BudgetStatus;

  @Field(() => Int, {
    description: "Transactions in the period the ledger could not price in the base currency (no rate that day); not counted.",
  })
  unconvertedTransactions!: number;

  static from(p: BudgetProgressFigures, currency: string): BudgetProgress {
    const m = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency });
    return Object.assign(new BudgetProgress(), {
      periodStart: p.period.start,
      periodEnd: p.period.end,
      budgeted: m(p.budgetedMinor),
      carriedIn: m(p.carriedInMinor),
      available: m(p.availableMinor),
      spent: m(p.spentMinor),
      remaining: m(p.remainingMinor),
      percentUsed: p.percentUsed,
      daysRemaining: p.daysRemaining,
      averageDailySpend: m(p.averageDailySpendMinor),
      projectedSpend: m(p.projectedSpendMinor),
      status: p.status as BudgetStatus,
      unconvertedTransactions: p.unconverted,
    });
  }
}

@Directive('@key(fields: "id")')
@ObjectType("Budget")
export class Budget {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => BudgetPeriod)
  period!: BudgetPeriod;

  @Field(() => RolloverMode)
  rollover!: RolloverMode;

  @Field(() => String, { description: "ISO-4217: the base currency when it was made." })
  currency!: string;

  @Field(() => [CategoryRef], { description: "Covered categories, each with its subcategories; empty when allExpenses." })
  categories!: CategoryRef[];

  @Field(() => Boolean)
  allExpenses!: boolean;

  @Field(() => Int)
  warningPercent!: number;

  @Field(() => Int)
  criticalPercent!: number;

  @Field(() => String, { description: "Start of the first period." })
  startDate!: string;

  @Field(() => Boolean)
  archived!: boolean;

  entity!: BudgetEntity;

  static from(b: BudgetEntity): Budget {
    return Object.assign(new Budget(), {
      id: b.id,
      name: b.name,
      period: b.period as BudgetPeriod,
      rollover: b.rollover as RolloverMode,
      currency: b.currency,
      categories: b.categoryIds.map((id) => Object.assign(new CategoryRef(), { id })),
      allExpenses: b.categoryIds.length === 0,
      warningPercent: b.warningPercent,
      criticalPercent: b.criticalPercent,
      startDate: b.startDate,
      archived: b.archivedAt !== null,
      entity: b,
    });
  }
}

@ObjectType("BudgetSummary", {
  description: "The monthly period containing a day: income, what is budgeted for it, spent, and what is left to budget.",
})
export class BudgetSummary {
  @Field(() => String)
  periodStart!: string;

  @Field(() => String)
  periodEnd!: string;

  @Field(() => MoneyType)
  income!: MoneyType;

  @Field(() => MoneyType, { description: "The budgeted amounts of the active monthly budgets." })
  totalBudgeted!: MoneyType;

  @Field(() => MoneyType, { description: "All money out in the period." })
  spent!: MoneyType;

  @Field(() => MoneyType, { description: "income − total budgeted." })
  leftToBudget!: MoneyType;
}
