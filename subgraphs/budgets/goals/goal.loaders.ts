import DataLoader from "dataloader";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { SavingsGoalService } from "./goal.service.js";
import type { GoalView } from "./goal.type.js";
import type { GoalMovementEntity } from "./goal-movement.entity.js";

/** One statement per request for every goal reference (saved amounts included), scoped to the caller in SQL. */
export const goalByIdLoader =
  (goals: SavingsGoalService): LoaderFactory<string, GoalView | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? goals.findForUser(caller.userId, ids) : Promise.resolve([])),
      (v) => v.goal.id,
    );

/** Movements keyed "goalId|first": one statement per distinct `first` however many goals are on the page. */
export const goalMovementsLoader =
  (goals: SavingsGoalService): LoaderFactory<string, GoalMovementEntity[]> =>
  (caller) =>
    new DataLoader<string, GoalMovementEntity[], string>(async (keys) => {
      if (!caller.userId) return keys.map(() => []);
      const byFirst = new Map<number, string[]>();
      for (const key of keys) {
        const [goalId, first] = key.split("|");
        byFirst.set(Number(first), [...(byFirst.get(Number(first)) ?? []), goalId!]);
      }
      const results = new Map<string, GoalMovementEntity[]>();
      for (const [first, goalIds] of byFirst) {
        for (const movement of await goals.movementsFor(caller.userId, goalIds, first)) {
          const key = `${movement.goalId}|${first}`;
          results.set(key, [...(results.get(key) ?? []), movement]);
        }
      }
      return keys.map((key) => results.get(key) ?? []);
    });
