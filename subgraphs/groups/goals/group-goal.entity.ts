import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

/** Money the members put aside together, in the group's currency. Saved = sum of contributions. */
@Entity({ name: "savings_goals" })
export class GroupGoalEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "group_id" })
  groupId!: string;

  @Column("text")
  name!: string;

  @Column("bigint", { name: "target_minor", transformer: bigintColumn })
  targetMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  /** YYYY-MM-DD or null. */
  @Column("date", { nullable: true })
  deadline!: string | null;

  @Column("uuid", { name: "created_by" })
  createdBy!: string;

  /** The first time saved reached the target; never cleared, so the event fires once. */
  @Column("timestamptz", { name: "reached_at", nullable: true })
  reachedAt!: Date | null;

  @Column("timestamptz", { name: "archived_at", nullable: true })
  archivedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
