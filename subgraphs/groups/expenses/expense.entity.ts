import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";
import type { SplitMode, SplitPart } from "./split.js";

/** Something a group paid for. Who paid and who owes what is in its lines. */
@Entity({ name: "expenses" })
export class ExpenseEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "group_id" })
  groupId!: string;

  @Column("text")
  description!: string;

  /** > 0, in `currency` (the expense's own). */
  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  /** The amount in the group's currency, converted once at `exchangeRate`. */
  @Column("bigint", { name: "group_amount_minor", transformer: bigintColumn })
  groupAmountMinor!: bigint;

  /** Group-currency units per unit of `currency`; null when they are the same. */
  @Column("text", { name: "exchange_rate", nullable: true })
  exchangeRate!: string | null;

  @Column("date")
  date!: string;

  @Column("text", { name: "split_mode" })
  splitMode!: SplitMode;

  @Column("jsonb", { name: "split_parts" })
  splitParts!: SplitPart[];

  /** The member who recorded it. */
  @Column("uuid", { name: "created_by" })
  createdBy!: string;

  /** One of the recording member's own ledger accounts the ledger books their payment on. */
  @Column("uuid", { name: "ledger_account_id", nullable: true })
  ledgerAccountId!: string | null;

  /** Soft delete: it stops counting in balances but stays in history. */
  @Column("timestamptz", { name: "deleted_at", nullable: true })
  deletedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
