import { type EntityManager, In } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { BUDGETS_GOAL_TOPIC, SAVINGS_GOAL_REACHED, type SavingsGoalReachedV1 } from "../../../schema/events/budgets.js";
import { SavingsGoalEntity } from "./savings-goal.entity.js";

/**
 * SavingsGoalReached for each of `goalIds` (the user's, not archived) whose saved amount has reached
 * its target and that never did before, in the caller's transaction. `reached_at` is set in the same
 * transaction and never cleared, so a goal is announced once, however saved moves afterwards.
 */
export async function announceGoalsReached(
  manager: EntityManager,
  outbox: Outbox,
  clock: Clock,
  traceId: string,
  userId: string,
  goalIds: readonly string[],
): Promise<void> {
  if (goalIds.length === 0) return;
  // Row-locked and re-checked after any wait: two writers cannot both see reached_at unset.
  const rows: Array<{ id: string; name: string; target_minor: string; currency: string; saved: string }> = await manager.query(
    `SELECT g.id, g.name, g.target_minor::text AS target_minor, g.currency,
            (SELECT coalesce(sum(m.amount_minor), 0) FROM budgets.goal_movements m WHERE m.goal_id = g.id)::text AS saved
     FROM budgets.savings_goals g
     WHERE g.user_id = $1 AND g.id = ANY($2::uuid[]) AND g.reached_at IS NULL AND g.archived_at IS NULL
       AND (SELECT coalesce(sum(m.amount_minor), 0) FROM budgets.goal_movements m WHERE m.goal_id = g.id) >= g.target_minor
     ORDER BY g.id
     FOR UPDATE OF g`,
    [userId, [...goalIds]],
  );
  if (rows.length === 0) return;
  const reachedAt = clock.now();
  await manager.update(SavingsGoalEntity, { id: In(rows.map((r) => r.id)), userId }, { reachedAt });
  await outbox.add(
    manager,
    traceId,
    rows.map((r) => {
      const data: SavingsGoalReachedV1 = {
        goalId: r.id,
        userId,
        name: r.name,
        targetMinor: r.target_minor,
        savedMinor: r.saved,
        currency: r.currency.trim(),
        reachedAt: reachedAt.toISOString(),
      };
      return { topic: BUDGETS_GOAL_TOPIC, type: SAVINGS_GOAL_REACHED, key: userId, data };
    }),
  );
}
