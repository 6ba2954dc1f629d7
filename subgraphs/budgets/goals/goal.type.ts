import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { MoneyType } from "../../../platform/money/index.js";
import type { AutoSaveRuleEntity } from "./auto-save-rule.entity.js";
import type { GoalMovementEntity } from "./goal-movement.entity.js";
import { goalProgress, utcDay } from "./goal-progress.js";
import type { SavingsGoalEntity } from "./savings-goal.entity.js";

export enum SavingsGoalStatus {
  REACHED = "REACHED",
  ON_TRACK = "ON_TRACK",
  BEHIND = "BEHIND",
}
registerEnumType(SavingsGoalStatus, {
  name: "SavingsGoalStatus",
  description:
    "REACHED: saved ≥ target. ON_TRACK: no target date, or saved at least the straight-line share due by today. BEHIND otherwise.",
});

export enum GoalMovementSource {
  MANUAL = "MANUAL",
  AUTO_SAVE = "AUTO_SAVE",
}
registerEnumType(GoalMovementSource, { name: "GoalMovementSource" });

export enum AutoSaveMode {
  PERCENT = "PERCENT",
  FIXED = "FIXED",
}
registerEnumType(AutoSaveMode, {
  name: "AutoSaveMode",
  description: "PERCENT: a share of each income; FIXED: an amount per income (never more than the income).",
});

/** A goal with the sum of its movements, as the service reads it. */
export interface GoalView {
  goal: SavingsGoalEntity;
  savedMinor: bigint;
}

@Directive('@key(fields: "id")')
@ObjectType("SavingsGoal", { description: "Money put aside towards a target, in the base currency the user had when creating it." })
export class SavingsGoal {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyType)
  target!: MoneyType;

  @Field(() => MoneyType, { description: "Contributions less withdrawals; never negative." })
  saved!: MoneyType;

  @Field(() => MoneyType, { description: "target − saved, never negative." })
  remaining!: MoneyType;

  @Field(() => Float, { description: "saved / target × 100, floored to one decimal (100 only once reached); may exceed 100." })
  percent!: number;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD." })
  targetDate!: string | null;

  @Field(() => ID, { nullable: true, description: "The ledger account the money is kept in, if the user said." })
  linkedAccountId!: string | null;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      "To save each month to reach the target by targetDate: remaining over the months from this month to the target's (at least 1), rounded up. Null without a target date.",
  })
  requiredPerMonth!: MoneyType | null;

  @Field(() => SavingsGoalStatus)
  status!: SavingsGoalStatus;

  @Field(() => Boolean)
  archived!: boolean;

  static from(view: GoalView, today: string): SavingsGoal {
    const { goal } = view;
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency: goal.currency });
    const p = goalProgress(
      { targetMinor: goal.targetMinor, savedMinor: view.savedMinor, startDate: utcDay(goal.createdAt), targetDate: goal.targetDate },
      today,
    );
    return Object.assign(new SavingsGoal(), {
      id: goal.id,
      name: goal.name,
      target: money(goal.targetMinor),
      saved: money(p.savedMinor),
      remaining: money(p.remainingMinor),
      percent: p.percent,
      targetDate: goal.targetDate,
      linkedAccountId: goal.linkedAccountId,
      requiredPerMonth: p.requiredPerMonthMinor === null ? null : money(p.requiredPerMonthMinor),
      status: p.status as SavingsGoalStatus,
      archived: goal.archivedAt !== null,
    });
  }
}

@ObjectType("GoalMovement", { description: "Money into (positive) or out of (negative) a goal." })
export class GoalMovement {
  @Field(() => ID)
  id!: string;

  @Field(() => MoneyType, { description: "Signed: contributions positive, withdrawals negative." })
  amount!: MoneyType;

  @Field(() => String, { description: "YYYY-MM-DD." })
  date!: string;

  @Field(() => GoalMovementSource)
  source!: GoalMovementSource;

  @Field(() => ID, { nullable: true, description: "AUTO_SAVE: the ledger income transaction it came from." })
  sourceTransactionId!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  /** For the `goal` field. */
  goalId!: string;

  static from(entity: GoalMovementEntity, currency: string): GoalMovement {
    return Object.assign(new GoalMovement(), {
      id: entity.id,
      amount: MoneyType.from({ amountMinor: entity.amountMinor, currency }),
      date: entity.date,
      source: entity.source as GoalMovementSource,
      sourceTransactionId: entity.sourceTransactionId,
      note: entity.note,
      goalId: entity.goalId,
    });
  }
}

@ObjectType("AutoSaveRule", {
  description: "Puts part of each income the ledger records into a goal, from income dated on or after the day the rule was made.",
})
export class AutoSaveRule {
  @Field(() => ID)
  id!: string;

  @Field(() => AutoSaveMode)
  mode!: AutoSaveMode;

  @Field(() => Int, { nullable: true, description: "PERCENT: hundredths of a percent, 1..10000 (1000 = 10 %)." })
  percentBasisPoints!: number | null;

  @Field(() => MoneyType, { nullable: true, description: "FIXED: per income, in the goal's currency." })
  amount!: MoneyType | null;

  @Field(() => ID, { nullable: true, description: "Only income into this ledger account; null = any account." })
  accountId!: string | null;

  @Field(() => Boolean)
  enabled!: boolean;

  /** For the `goal` field. */
  goalId!: string;

  static from(entity: AutoSaveRuleEntity, currency: string): AutoSaveRule {
    return Object.assign(new AutoSaveRule(), {
      id: entity.id,
      mode: entity.mode as AutoSaveMode,
      percentBasisPoints: entity.percentBasisPoints,
      amount: entity.amountMinor === null ? null : MoneyType.from({ amountMinor: entity.amountMinor, currency }),
      accountId: entity.accountId,
      enabled: entity.enabled,
      goalId: entity.goalId,
    });
  }
}
