import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import type { MemberEntity } from "./member.entity.js";

export enum GroupRole {
  OWNER = "OWNER",
  ADMIN = "ADMIN",
  MEMBER = "MEMBER",
  VIEWER = "VIEWER",
}
registerEnumType(GroupRole, {
  name: "GroupRole",
  description:
    "OWNER: one per group, archives it and gives roles. ADMIN: invites, renames, removes members, makes members viewers and back. MEMBER: expenses, settlements, goals, comments. VIEWER: sees everything, changes nothing (may only leave).",
});

@Directive('@key(fields: "id")')
@ObjectType("GroupMember", { description: "Someone in a group: a signed-in user, or a placeholder for a person without an account." })
export class GroupMember {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => GroupRole)
  role!: GroupRole;

  @Field(() => Boolean, { description: "No account behind it (yet): someone can claim it by joining with its id." })
  isPlaceholder!: boolean;

  @Field(() => Boolean, { description: "This member is the caller." })
  isMe!: boolean;

  @Field(() => Boolean, { description: "Left or was removed; kept so old expenses still name them." })
  removed!: boolean;

  @Field(() => Int, { description: "Join order (1 = the creator); ties in splits go to the lower number." })
  position!: number;

  static from(entity: MemberEntity, callerId: string | null): GroupMember {
    return Object.assign(new GroupMember(), {
      id: entity.id,
      groupId: entity.groupId,
      displayName: entity.displayName,
      role: entity.role as GroupRole,
      isPlaceholder: entity.userId === null,
      isMe: callerId !== null && entity.userId === callerId,
      removed: entity.removedAt !== null,
      position: entity.position,
    });
  }
}
