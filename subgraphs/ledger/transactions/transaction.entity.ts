import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

@Entity({ name: "transactions" })
@Index("transactions_user_date", ["userId", "date"])
export class TransactionEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** Minor units; negative = money out. */
  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("text")
  description!: string;

  /** Calendar date of the transaction, 'YYYY-MM-DD'. */
  @Column("date")
  date!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
