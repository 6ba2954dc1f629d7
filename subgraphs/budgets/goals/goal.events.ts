import { topicName } from "../../../platform/events/index.js";

export const GOAL_TOPIC = topicName("budgets", "goal");
export const SAVINGS_GOAL_UPDATED = "SavingsGoalUpdated";

/** `SavingsGoalUpdated` v1: the goal or its saved amount changed (live subscribers re-read it). */
export interface SavingsGoalUpdatedV1 {
  goalId: string;
  userId: string;
}
