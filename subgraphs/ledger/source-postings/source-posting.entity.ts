import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

/** What another domain asked the ledger to book: a group expense or settlement, a loan payment. */
export type SourceKind = "EXPENSE" | "SETTLEMENT" | "LOAN_PAYMENT";

/**
 * The ledger transaction that books a source from another domain's event (`groups.expense.v1`,
 * `lending.loan.v1`), and the posting last applied to it: the next edit from the source changes
 * only what it changed.
 */
@Entity({ name: "source_postings" })
export class SourcePostingEntity {
  /** The expense, settlement or loan payment id in its domain. */
  @PrimaryColumn("uuid", { name: "source_id" })
  sourceId!: string;

  @Column("text", { name: "source_kind" })
  sourceKind!: SourceKind;

  /** What the source belongs to there: the group, the loan. */
  @Column("uuid", { name: "origin_id" })
  originId!: string;

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
