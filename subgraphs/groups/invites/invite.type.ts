import { Field, ID, ObjectType } from "type-graphql";

import { GroupRole } from "../members/member.type.js";
import type { InviteEntity } from "./invite.entity.js";

@ObjectType("GroupInvite", { description: "A single-use code to join one group. The code is only ever shown when it is created." })
export class GroupInvite {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  groupId!: string;

  @Field(() => String, { nullable: true, description: "Only in createGroupInvite's answer; null when listed later." })
  code!: string | null;

  @Field(() => String, { description: "ISO-8601 instant." })
  expiresAt!: string;

  @Field(() => Boolean)
  revoked!: boolean;

  @Field(() => Boolean)
  used!: boolean;

  @Field(() => GroupRole, { description: "What the joiner becomes." })
  role!: GroupRole;

  static from(entity: InviteEntity, code: string | null = null): GroupInvite {
    return Object.assign(new GroupInvite(), {
      id: entity.id,
      groupId: entity.groupId,
      code,
      expiresAt: entity.expiresAt.toISOString(),
      revoked: entity.revokedAt !== null,
      used: entity.usedAt !== null,
      role: entity.role as GroupRole,
    });
  }
}
