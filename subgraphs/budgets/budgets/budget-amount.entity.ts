import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

/** The amount per period from `effectiveFrom` (a period start) on: past periods keep theirs. */
@Entity({ name: "budget_amounts" })
export class BudgetAmountEntity {
  @PrimaryColumn("uuid", { name: "budget_id" })
  budgetId!: string;

  @PrimaryColumn("date", { name: "effective_from" })
  effectiveFrom!: string;

  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;
}
