import { type BudgetsGoalEvents, SAVINGS_GOAL_REACHED } from "../../../../schema/events/budgets.js";
import type { NotificationSource } from "./notification-source.js";

/** budgets.goal.v1: a personal savings goal reached its target (budgets fires it once per goal). */
export const budgetsGoalsSource: NotificationSource<BudgetsGoalEvents> = {
  [SAVINGS_GOAL_REACHED]: ({ data: g }) => [
    {
      userId: g.userId,
      kind: "SAVINGS_GOAL_REACHED",
      data: {
        goalId: g.goalId,
        name: g.name,
        targetMinor: g.targetMinor,
        savedMinor: g.savedMinor,
        currency: g.currency,
        reachedAt: g.reachedAt,
      },
    },
  ],
};
