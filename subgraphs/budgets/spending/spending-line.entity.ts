import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

/** One income or expense line of a ledger transaction as it now stands (a split is a line). */
@Entity({ name: "spending_lines" })
export class SpendingLineEntity {
  @PrimaryColumn("uuid", { name: "transaction_id" })
  transactionId!: string;

  @PrimaryColumn("smallint")
  line!: number;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** INCOME or EXPENSE: the transaction's kind. */
  @Column("text")
  kind!: string;

  @Column("uuid", { name: "category_id", nullable: true })
  categoryId!: string | null;

  @Column("date")
  date!: string;

  /** Signed like the transaction (an expense is negative), in its own currency. */
  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  /** The same in the user's base currency; null when the ledger had no rate for the day. */
  @Column("bigint", { name: "base_amount_minor", nullable: true, transformer: bigintColumn })
  baseAmountMinor!: bigint | null;
}
