/**
 * budgets' event contract: topics, event types and payloads (see identity.ts for the rules of this
 * folder). Every key is the user id. Amounts are strings of minor units.
 */

/** Key = user id. A budget or its progress changed (live dashboards re-read it). */
export const BUDGETS_BUDGET_TOPIC = "budgets.budget.v1" as const;

export const BUDGET_UPDATED = "BudgetUpdated" as const;

export interface BudgetUpdatedV1 {
  budgetId: string;
  userId: string;
}

/** Payloads on `budgets.budget.v1`, by event type. */
export type BudgetsBudgetEvents = {
  [BUDGET_UPDATED]: BudgetUpdatedV1;
};

/** Key = user id. A budget crossed one of its alert levels. */
export const BUDGETS_ALERT_TOPIC = "budgets.alert.v1" as const;

/** The warning level was reached. */
export const BUDGET_THRESHOLD_REACHED = "BudgetThresholdReached" as const;
/** The critical level was reached. */
export const BUDGET_EXCEEDED = "BudgetExceeded" as const;

/** `BudgetThresholdReached` (level WARNING) and `BudgetExceeded` (level CRITICAL). */
export interface BudgetAlertV1 {
  alertId: string;
  userId: string;
  budgetId: string;
  level: "WARNING" | "CRITICAL";
  periodStart: string;
  periodEnd: string;
  spentMinor: string;
  availableMinor: string;
  currency: string;
}

/** Payloads on `budgets.alert.v1`, by event type. */
export type BudgetsAlertEvents = {
  [BUDGET_THRESHOLD_REACHED]: BudgetAlertV1;
  [BUDGET_EXCEEDED]: BudgetAlertV1;
};

/** Key = user id. A savings goal or its saved amount changed (live subscribers re-read it). */
export const BUDGETS_GOAL_TOPIC = "budgets.goal.v1" as const;

export const SAVINGS_GOAL_UPDATED = "SavingsGoalUpdated" as const;
/**
 * Fired once per goal, the first time the saved amount reaches the target (in the transaction of
 * the movement or target change that did it); never again, even if saved dips and rises again.
 */
export const SAVINGS_GOAL_REACHED = "SavingsGoalReached" as const;

export interface SavingsGoalUpdatedV1 {
  goalId: string;
  userId: string;
}

export interface SavingsGoalReachedV1 {
  goalId: string;
  userId: string;
  name: string;
  targetMinor: string;
  savedMinor: string;
  currency: string;
  /** ISO instant. */
  reachedAt: string;
}

/** Payloads on `budgets.goal.v1`, by event type. */
export type BudgetsGoalEvents = {
  [SAVINGS_GOAL_UPDATED]: SavingsGoalUpdatedV1;
  [SAVINGS_GOAL_REACHED]: SavingsGoalReachedV1;
};

/** Every budgets topic and what it carries. */
export type BudgetsTopics = {
  [BUDGETS_BUDGET_TOPIC]: BudgetsBudgetEvents;
  [BUDGETS_ALERT_TOPIC]: BudgetsAlertEvents;
  [BUDGETS_GOAL_TOPIC]: BudgetsGoalEvents;
};
