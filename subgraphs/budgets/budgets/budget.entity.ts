import { Column, Entity, PrimaryColumn } from "typeorm";

import type { PeriodKind, RolloverMode } from "../periods/index.js";

@Entity({ name: "budgets" })
export class BudgetEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  /** Expense categories covered, each with its subcategories; empty = every expense. */
  @Column("uuid", { name: "category_ids", array: true })
  categoryIds!: string[];

  @Column("text")
  period!: PeriodKind;

  @Column("text")
  rollover!: RolloverMode;

  /** The user's base currency when the budget was made; spending is counted in it. */
  @Column("char", { length: 3 })
  currency!: string;

  @Column("smallint", { name: "warning_percent" })
  warningPercent!: number;

  @Column("smallint", { name: "critical_percent" })
  criticalPercent!: number;

  /** A day in the budget's first period: the carry chain starts there. */
  @Column("date", { name: "start_date" })
  startDate!: string;

  @Column("timestamptz", { name: "archived_at", nullable: true })
  archivedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
