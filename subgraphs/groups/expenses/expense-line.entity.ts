import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

/** One member's part in one expense: what they paid and what they owe, in both currencies. */
@Entity({ name: "expense_lines" })
export class ExpenseLineEntity {
  @PrimaryColumn("uuid", { name: "expense_id" })
  expenseId!: string;

  @PrimaryColumn("uuid", { name: "member_id" })
  memberId!: string;

  @Column("bigint", { name: "paid_minor", transformer: bigintColumn })
  paidMinor!: bigint;

  @Column("bigint", { name: "share_minor", transformer: bigintColumn })
  shareMinor!: bigint;

  @Column("bigint", { name: "group_paid_minor", transformer: bigintColumn })
  groupPaidMinor!: bigint;

  @Column("bigint", { name: "group_share_minor", transformer: bigintColumn })
  groupShareMinor!: bigint;
}
