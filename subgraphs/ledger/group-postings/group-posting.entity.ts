import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export type GroupPostingSourceKind = "EXPENSE" | "SETTLEMENT";

/**
 * The ledger transaction that books a group expense or settlement (`groups.expense.v1`), and the
 * posting last applied to it: the next edit from the group changes only what it changed.
 */
@Entity({ name: "group_postings" })
export class GroupPostingEntity {
  /** The expense or settlement id in groups. */
  @PrimaryColumn("uuid", { name: "source_id" })
  sourceId!: string;

  @Column("text", { name: "source_kind" })
  sourceKind!: GroupPostingSourceKind;

  @Column("uuid", { name: "group_id" })
  groupId!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "transaction_id" })
  transactionId!: string;

  @Column("uuid", { name: "account_id" })
  accountId!: string;

  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("date")
  date!: string;

  @Column("text")
  payee!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
