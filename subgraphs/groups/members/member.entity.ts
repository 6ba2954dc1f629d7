import { Column, Entity, PrimaryColumn } from "typeorm";

export const GROUP_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
export type GroupRoleName = (typeof GROUP_ROLES)[number];

/**
 * One person in one group: a signed-in user, or a placeholder (no user) for someone without an
 * account, whom a user can later claim. Removed members stay, so old expenses keep their names.
 */
@Entity({ name: "members" })
export class MemberEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "group_id" })
  groupId!: string;

  /** Null: a placeholder (or a user who deleted their account). */
  @Column("uuid", { name: "user_id", nullable: true })
  userId!: string | null;

  @Column("text", { name: "display_name" })
  displayName!: string;

  @Column("text")
  role!: GroupRoleName;

  /** Join order within the group; breaks allocation ties so results never depend on list order. */
  @Column("int")
  position!: number;

  @Column("timestamptz", { name: "removed_at", nullable: true })
  removedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
