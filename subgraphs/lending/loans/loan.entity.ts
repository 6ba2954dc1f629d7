import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

export const LOAN_DIRECTIONS = ["BORROWED", "LENT"] as const;
export type LoanDirectionValue = (typeof LOAN_DIRECTIONS)[number];
export const LOAN_METHODS = ["AMORTIZING", "SIMPLE", "INTEREST_ONLY"] as const;
export type LoanMethodValue = (typeof LOAN_METHODS)[number];
export const LOAN_STATUSES = ["ACTIVE", "OVERDUE", "PAID_OFF", "WRITTEN_OFF"] as const;
export type LoanStatusValue = (typeof LOAN_STATUSES)[number];
export const PREPAYMENT_STRATEGIES = ["REDUCE_TERM", "REDUCE_PAYMENT"] as const;
export type PrepaymentStrategyValue = (typeof PREPAYMENT_STRATEGIES)[number];
export type LateFeeKindValue = "FLAT" | "PERCENT";

/** Money lent or borrowed, its terms, and where it stands (outstanding principal, status). */
@Entity({ name: "loans" })
export class LoanEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "contact_id" })
  contactId!: string;

  @Column("text")
  name!: string;

  @Column("text")
  direction!: LoanDirectionValue;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("bigint", { name: "principal_minor", transformer: bigintColumn })
  principalMinor!: bigint;

  /** Normalised decimal string, e.g. "6.5". */
  @Column("text", { name: "annual_rate_percent" })
  annualRatePercent!: string;

  /** Null (with method) for an informal loan without a schedule. */
  @Column("integer", { name: "term_months", nullable: true })
  termMonths!: number | null;

  @Column("text", { nullable: true })
  method!: LoanMethodValue | null;

  @Column("date", { name: "start_date" })
  startDate!: string;

  @Column("integer", { name: "grace_days" })
  graceDays!: number;

  @Column("integer", { name: "remind_days_before" })
  remindDaysBefore!: number;

  @Column("text", { name: "late_fee_kind", nullable: true })
  lateFeeKind!: LateFeeKindValue | null;

  @Column("bigint", { name: "late_fee_minor", nullable: true, transformer: bigintColumn })
  lateFeeMinor!: bigint | null;

  /** Decimal string, percent of the overdue amount. */
  @Column("text", { name: "late_fee_percent", nullable: true })
  lateFeePercent!: string | null;

  @Column("text", { name: "prepayment_strategy" })
  prepaymentStrategy!: PrepaymentStrategyValue;

  /** The regular payment now; null without a schedule. */
  @Column("bigint", { name: "installment_minor", nullable: true, transformer: bigintColumn })
  installmentMinor!: bigint | null;

  @Column("bigint", { name: "outstanding_principal_minor", transformer: bigintColumn })
  outstandingPrincipalMinor!: bigint;

  /** Principal repaid ahead of the schedule, all prepayments together. */
  @Column("bigint", { name: "prepaid_minor", transformer: bigintColumn })
  prepaidMinor!: bigint;

  @Column("text")
  status!: LoanStatusValue;

  @Column("date", { name: "paid_off_on", nullable: true })
  paidOffOn!: string | null;

  @Column("timestamptz", { name: "written_off_at", nullable: true })
  writtenOffAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
