import type { GroupRole } from "../../generated/graphql";

const LABELS: Record<GroupRole, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member", VIEWER: "Viewer" };

/** A member's role as a person reads it. */
export const roleLabel = (role: GroupRole): string => LABELS[role];

/** Owners and admins invite, add and remove members. */
export const canManage = (role: GroupRole): boolean => role === "OWNER" || role === "ADMIN";
