import { useQueryClient } from "@tanstack/react-query";

import { queryKeyOf } from "../../api/hooks";
import {
  GroupPageDetailDocument,
  type GroupPageDetailQuery,
  GroupPageExpensesDocument,
  type GroupPageGoalFragment,
  type GroupPageGroupFragment,
} from "../../generated/graphql";
import { expensesMayHaveChanged } from "./group-changes";

const detailKey = (groupId: string) => queryKeyOf(GroupPageDetailDocument, { id: groupId });
const expensesKey = (groupId: string) => queryKeyOf(GroupPageExpensesDocument, { id: groupId });

/** Updates the group page's cached data in place from what the server pushed or answered. */
export function useGroupCache(groupId: string) {
  const queries = useQueryClient();
  const setGoals = (change: (goals: GroupPageGoalFragment[]) => GroupPageGoalFragment[]) =>
    queries.setQueryData<GroupPageDetailQuery>(detailKey(groupId), (data) =>
      data?.group ? { group: { ...data.group, savingsGoals: change(data.group.savingsGoals) } } : data,
    );
  return {
    /** The group as `groupUpdated` sent it (null: gone, or no longer a member). */
    group(group: GroupPageGroupFragment | null | undefined) {
      if (!group) return void queries.invalidateQueries({ queryKey: detailKey(groupId) });
      const before = queries.getQueryData<GroupPageDetailQuery>(detailKey(groupId))?.group;
      queries.setQueryData<GroupPageDetailQuery>(detailKey(groupId), { group });
      if (expensesMayHaveChanged(before, group)) void queries.invalidateQueries({ queryKey: expensesKey(groupId) });
    },
    /** A goal as the server now has it (pushed, or a mutation's answer): replaced, or added when new. */
    goal(goal: GroupPageGoalFragment | null | undefined) {
      if (!goal) return void queries.invalidateQueries({ queryKey: detailKey(groupId) });
      setGoals((goals) => (goals.some((g) => g.id === goal.id) ? goals.map((g) => (g.id === goal.id ? goal : g)) : [...goals, goal]));
    },
  };
}
