import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export type AlertLevel = "WARNING" | "CRITICAL";

/** A threshold a budget crossed in a period; `rearmedAt` once spending fell back under it. */
@Entity({ name: "budget_alerts" })
export class BudgetAlertEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "budget_id" })
  budgetId!: string;

  @Column("text")
  level!: AlertLevel;

  @Column("date", { name: "period_start" })
  periodStart!: string;

  @Column("date", { name: "period_end" })
  periodEnd!: string;

  @Column("bigint", { name: "spent_minor", transformer: bigintColumn })
  spentMinor!: bigint;

  @Column("bigint", { name: "available_minor", transformer: bigintColumn })
  availableMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "rearmed_at", nullable: true })
  rearmedAt!: Date | null;
}
