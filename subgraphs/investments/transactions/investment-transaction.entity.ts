import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const ACTIVITY_TYPES = ["BUY", "SELL", "DIVIDEND", "INTEREST", "FEE", "SPLIT", "DEPOSIT", "WITHDRAWAL"] as const;
export type ActivityTypeName = (typeof ACTIVITY_TYPES)[number];

/**
 * One line of a portfolio's activity. Lots, positions and cash are replayed from these rows in
 * (date, sequence) order and never stored.
 */
@Entity({ name: "transactions" })
export class InvestmentTransactionEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "portfolio_id" })
  portfolioId!: string;

  /** Order of entry within the portfolio: same-day activities replay in it. */
  @Column("bigint", { transformer: bigintColumn })
  sequence!: bigint;

  @Column("text")
  type!: ActivityTypeName;

  @Column("uuid", { name: "security_id", nullable: true })
  securityId!: string | null;

  /** 'YYYY-MM-DD'. */
  @Column("date")
  date!: string;

  /** Of price, fee and amount. */
  @Column("char", { length: 3 })
  currency!: string;

  /** Decimal string (BUY, SELL). */
  @Column("numeric", { nullable: true })
  quantity!: string | null;

  /** Per unit, in minor units (BUY, SELL). */
  @Column("bigint", { name: "price_minor", nullable: true, transformer: bigintColumn })
  priceMinor!: bigint | null;

  @Column("bigint", { name: "fee_minor", transformer: bigintColumn })
  feeMinor!: bigint;

  /** Cash types: what was paid or received, in minor units. */
  @Column("bigint", { name: "amount_minor", nullable: true, transformer: bigintColumn })
  amountMinor!: bigint | null;

  /** Decimal string: new units per old unit (SPLIT). */
  @Column("numeric", { name: "split_ratio", nullable: true })
  splitRatio!: string | null;

  @Column("text", { nullable: true })
  note!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
