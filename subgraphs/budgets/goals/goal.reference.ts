import type { RequestContext } from "../../../platform/graphql/index.js";
import type { GoalsDeps } from "../budgets.deps.js";
import { SavingsGoal } from "./goal.type.js";

/** `_entities` lookups of goals: batched per request; another user's id resolves to null. */
export function resolveSavingsGoalReference(goals: GoalsDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<SavingsGoal | null> => {
    if (typeof reference.id !== "string") return null;
    const view = await context.loaders.get(goals.loaders.goal).load(reference.id);
    return view ? SavingsGoal.from(view, goals.savings.today()) : null;
  };
}
