import { GROUP_SAVINGS_GOAL_REACHED, type GroupsSavingsEvents } from "../../../../schema/events/groups.js";
import type { NotificationSource } from "./notification-source.js";

/**
 * groups.savings.v1: a group goal reached its target (groups fires it once per goal). Every
 * member's user hears it, the one whose contribution reached it too: it is the group's news.
 * Events written before groups named the members tell no one.
 */
export const groupsSavingsSource: NotificationSource<GroupsSavingsEvents> = {
  [GROUP_SAVINGS_GOAL_REACHED]: ({ data: g }) =>
    [...new Set(g.memberUserIds ?? [])].map((userId) => ({
      userId,
      kind: "GROUP_GOAL_REACHED" as const,
      data: {
        groupId: g.groupId,
        groupName: g.groupName ?? "",
        goalId: g.goalId,
        name: g.name,
        targetMinor: g.targetMinor,
        savedMinor: g.savedMinor,
        currency: g.currency,
        reachedAt: g.reachedAt,
      },
    })),
};
