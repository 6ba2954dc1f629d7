import { Column, Entity, PrimaryColumn } from "typeorm";
import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

/** Read model fed by ledger events: money out per user, month and currency. */
@Entity({ name: "monthly_spending" })
export class MonthlySpendingEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  /** 'YYYY-MM'. */
  @PrimaryColumn("char", { length: 7 })
  month!: string;

  @PrimaryColumn("char", { length: 3 })
  currency!: string;

  /** Positive minor units spent. */
  @Column("bigint", { name: "spent_minor", transformer: bigintColumn })
  spentMinor!: bigint;

  @Column("integer", { name: "transaction_count" })
  transactionCount!: number;
}
