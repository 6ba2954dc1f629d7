import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

/** How much of a payment went to one installment, minor units as strings. */
export interface AppliedPartRow {
  number: number;
  fee: string;
  interest: string;
  principal: string;
}

/** A payment on a loan and how it was applied: fees, interest, principal, and any prepayment. */
@Entity({ name: "payments" })
export class PaymentEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "loan_id" })
  loanId!: string;

  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("date")
  date!: string;

  @Column("bigint", { name: "fee_minor", transformer: bigintColumn })
  feeMinor!: bigint;

  @Column("bigint", { name: "interest_minor", transformer: bigintColumn })
  interestMinor!: bigint;

  @Column("bigint", { name: "principal_minor", transformer: bigintColumn })
  principalMinor!: bigint;

  @Column("bigint", { name: "prepayment_minor", transformer: bigintColumn })
  prepaymentMinor!: bigint;

  @Column("jsonb")
  allocation!: AppliedPartRow[];

  @Column("uuid", { name: "ledger_account_id", nullable: true })
  ledgerAccountId!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
