import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

@Entity({ name: "savings_goals" })
export class SavingsGoalEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  /** > 0, minor units of `currency`. */
  @Column("bigint", { name: "target_minor", transformer: bigintColumn })
  targetMinor!: bigint;

  /** The user's base currency when the goal was made; every movement is in it. */
  @Column("char", { length: 3 })
  currency!: string;

  /** 'YYYY-MM-DD' or null (no deadline). */
  @Column("date", { name: "target_date", nullable: true })
  targetDate!: string | null;

  /** A ledger account the money is kept in; stored for clients, never read from the ledger. */
  @Column("uuid", { name: "linked_account_id", nullable: true })
  linkedAccountId!: string | null;

  @Column("timestamptz", { name: "archived_at", nullable: true })
  archivedAt!: Date | null;

  /** When saved first reached the target (SavingsGoalReached was announced); never cleared. */
  @Column("timestamptz", { name: "reached_at", nullable: true })
  reachedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
