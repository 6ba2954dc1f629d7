import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";
import type { AutoSaveModeName } from "./auto-save-amount.js";

/** Puts part of each income (ledger `INCOME` transaction) into a goal. */
@Entity({ name: "auto_save_rules" })
export class AutoSaveRuleEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "goal_id" })
  goalId!: string;

  @Column("text")
  mode!: AutoSaveModeName;

  /** PERCENT only: 1..10000. */
  @Column("integer", { name: "percent_basis_points", nullable: true })
  percentBasisPoints!: number | null;

  /** FIXED only: > 0, in the goal's currency. */
  @Column("bigint", { name: "amount_minor", nullable: true, transformer: bigintColumn })
  amountMinor!: bigint | null;

  /** Only income into this ledger account; null = any account. */
  @Column("uuid", { name: "account_id", nullable: true })
  accountId!: string | null;

  @Column("boolean")
  enabled!: boolean;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
