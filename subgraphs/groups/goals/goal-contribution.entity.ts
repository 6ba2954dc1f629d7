import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

/** Money a member put into (+) or took out of (−) a group goal. */
@Entity({ name: "goal_contributions" })
export class GoalContributionEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "goal_id" })
  goalId!: string;

  @Column("uuid", { name: "member_id" })
  memberId!: string;

  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("text", { nullable: true })
  note!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
