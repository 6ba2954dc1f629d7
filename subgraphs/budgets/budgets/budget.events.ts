import { topicName } from "../../../platform/events/index.js";

export const BUDGET_TOPIC = topicName("budgets", "budget");

/** `BudgetUpdated` v1: the budget or its progress changed (live dashboards re-read it). */
export interface BudgetUpdatedV1 {
  budgetId: string;
  userId: string;
}
