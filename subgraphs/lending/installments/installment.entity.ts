import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

export const INSTALLMENT_STATUSES = ["PENDING", "PARTIALLY_PAID", "OVERDUE", "PAID"] as const;
export type InstallmentStatusValue = (typeof INSTALLMENT_STATUSES)[number];

/** One row of a loan's schedule: the amounts as scheduled, what is paid of each part, the late fee. */
@Entity({ name: "installments" })
export class InstallmentEntity {
  @PrimaryColumn("uuid", { name: "loan_id" })
  loanId!: string;

  @PrimaryColumn("integer")
  number!: number;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("date", { name: "due_date" })
  dueDate!: string;

  @Column("bigint", { name: "payment_minor", transformer: bigintColumn })
  paymentMinor!: bigint;

  @Column("bigint", { name: "interest_minor", transformer: bigintColumn })
  interestMinor!: bigint;

  @Column("bigint", { name: "principal_minor", transformer: bigintColumn })
  principalMinor!: bigint;

  /** Principal left after this installment, as scheduled. */
  @Column("bigint", { name: "balance_minor", transformer: bigintColumn })
  balanceMinor!: bigint;

  @Column("bigint", { name: "paid_interest_minor", transformer: bigintColumn })
  paidInterestMinor!: bigint;

  @Column("bigint", { name: "paid_principal_minor", transformer: bigintColumn })
  paidPrincipalMinor!: bigint;

  @Column("bigint", { name: "late_fee_minor", transformer: bigintColumn })
  lateFeeMinor!: bigint;

  @Column("bigint", { name: "paid_late_fee_minor", transformer: bigintColumn })
  paidLateFeeMinor!: bigint;

  @Column("text")
  status!: InstallmentStatusValue;

  @Column("timestamptz", { name: "reminded_at", nullable: true })
  remindedAt!: Date | null;

  @Column("timestamptz", { name: "overdue_at", nullable: true })
  overdueAt!: Date | null;

  @Column("date", { name: "paid_on", nullable: true })
  paidOn!: string | null;
}
