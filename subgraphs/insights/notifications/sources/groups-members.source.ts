import { GROUP_MEMBER_ADDED, type GroupsGroupEvents } from "../../../../schema/events/groups.js";
import type { NotificationSource } from "./notification-source.js";

/**
 * groups.group.v1: a user joined with an invite code. The inviter and the other members hear who
 * joined; the joiner hears nothing, since they just acted in the app and see the group open there
 * (a "welcome" would be the app telling the user what they did a second ago).
 */
export const groupsMembersSource: NotificationSource<GroupsGroupEvents> = {
  [GROUP_MEMBER_ADDED]: ({ data: m }) => {
    const audience = new Set(m.memberUserIds);
    if (m.invitedByUserId) audience.add(m.invitedByUserId);
    audience.delete(m.userId);
    return [...audience].map((userId) => ({
      userId,
      kind: "GROUP_INVITATION" as const,
      data: {
        groupId: m.groupId,
        groupName: m.groupName,
        memberId: m.memberId,
        displayName: m.displayName,
        invitedByYou: userId === m.invitedByUserId,
        addedAt: m.addedAt,
      },
    }));
  },
};
