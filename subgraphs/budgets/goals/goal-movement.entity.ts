import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const MOVEMENT_SOURCES = ["MANUAL", "AUTO_SAVE"] as const;
export type MovementSourceName = (typeof MOVEMENT_SOURCES)[number];

/** Money into (+) or out of (−) a goal, in the goal's currency. A goal's saved amount is their sum. */
@Entity({ name: "goal_movements" })
export class GoalMovementEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "goal_id" })
  goalId!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** ≠ 0: contributions positive, withdrawals negative. */
  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("date")
  date!: string;

  @Column("text")
  source!: MovementSourceName;

  /** AUTO_SAVE: the ledger income transaction it came from (unique per goal, so it feeds a goal once). */
  @Column("uuid", { name: "source_transaction_id", nullable: true })
  sourceTransactionId!: string | null;

  @Column("text", { nullable: true })
  note!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
