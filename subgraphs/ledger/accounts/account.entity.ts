import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const ACCOUNT_TYPES = ["CHECKING", "SAVINGS", "CREDIT_CARD", "CASH", "LOAN", "INVESTMENT_CASH"] as const;
export type AccountKind = (typeof ACCOUNT_TYPES)[number];

@Entity({ name: "accounts" })
export class AccountEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  @Column("text")
  type!: AccountKind;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("bigint", { name: "opening_balance_minor", transformer: bigintColumn })
  openingBalanceMinor!: bigint;

  /** 'YYYY-MM-DD': the balance is the opening balance on this day; no transaction may be older. */
  @Column("date", { name: "opening_date" })
  openingDate!: string;

  @Column("timestamptz", { name: "archived_at", nullable: true })
  archivedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
