import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const TRANSACTION_KINDS = ["INCOME", "EXPENSE", "TRANSFER"] as const;
export type TransactionKindValue = (typeof TRANSACTION_KINDS)[number];
export const TRANSACTION_STATUSES = ["PENDING", "CLEARED", "RECONCILED"] as const;
export type TransactionStatusValue = (typeof TRANSACTION_STATUSES)[number];
/**
 * Where a transaction came from, set once by the path that created it and never changed by edits.
 * RULE is reserved: no rule action creates transactions yet (rules only rename, categorise and tag).
 */
export const TRANSACTION_SOURCES = ["MANUAL", "IMPORT", "BANK_SYNC", "RECEIPT", "RECURRING", "GROUP", "LENDING", "RULE"] as const;
export type TransactionSourceValue = (typeof TRANSACTION_SOURCES)[number];

/**
 * The header of a transaction. Its money lives in postings (see posting.entity.ts); `amountMinor`
 * repeats the account posting so lists, filters and totals need no join.
 */
@Entity({ name: "transactions" })
export class TransactionEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  kind!: TransactionKindValue;

  /** The account the money moves on; for a transfer, the one it leaves. */
  @Column("uuid", { name: "account_id" })
  accountId!: string;

  /** Signed change to `accountId`'s balance: negative = money out. */
  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  /** Transfers only: the receiving account and what it received (its own currency). */
  @Column("uuid", { name: "counter_account_id", nullable: true })
  counterAccountId!: string | null;

  @Column("bigint", { name: "counter_amount_minor", nullable: true, transformer: bigintColumn })
  counterAmountMinor!: bigint | null;

  @Column("char", { name: "counter_currency", length: 3, nullable: true })
  counterCurrency!: string | null;

  @Column("date")
  date!: string;

  @Column("text")
  payee!: string;

  /** Normalised payee as first recorded (before rules or edits renamed it), for duplicate detection on import. */
  @Column("text", { name: "payee_key" })
  payeeKey!: string;

  @Column("text")
  notes!: string;

  @Column("text", { array: true })
  tags!: string[];

  @Column("text")
  status!: TransactionStatusValue;

  /** Reconciled transactions are locked until explicitly unlocked. */
  @Column("boolean")
  locked!: boolean;

  @Column("text")
  source!: TransactionSourceValue;

  @Column("uuid", { name: "applied_rule_ids", array: true })
  appliedRuleIds!: string[];

  @Column("uuid", { name: "schedule_id", nullable: true })
  scheduleId!: string | null;

  @Column("date", { name: "occurrence_date", nullable: true })
  occurrenceDate!: string | null;

  @Column("uuid", { name: "import_batch_id", nullable: true })
  importBatchId!: string | null;

  @Column("text", { name: "bank_transaction_id", nullable: true })
  bankTransactionId!: string | null;

  /**
   * The mark of a category suggestion the ledger applied (see suggestions/): set together, and only
   * while the category line is still that suggestion, untouched by the user.
   */
  @Column("uuid", { name: "suggested_category_id", nullable: true })
  suggestedCategoryId!: string | null;

  /** Decimal text, 0 to 1, four places. */
  @Column("numeric", { name: "suggestion_confidence", nullable: true })
  suggestionConfidence!: string | null;

  @Column("timestamptz", { name: "suggestion_applied_at", nullable: true })
  suggestionAppliedAt!: Date | null;

  /** A suggestion was applied once: later ones are ignored, so an undo or a change by the user sticks. */
  @Column("boolean", { name: "suggestion_taken" })
  suggestionTaken!: boolean;

  @Column("timestamptz", { name: "deleted_at", nullable: true })
  deletedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
