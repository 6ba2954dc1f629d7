import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/index.js";

/** Money one member paid another to settle up, in the group's currency. */
@Entity({ name: "settlements" })
export class SettlementEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "group_id" })
  groupId!: string;

  @Column("uuid", { name: "from_member" })
  fromMember!: string;

  @Column("uuid", { name: "to_member" })
  toMember!: string;

  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("date")
  date!: string;

  @Column("text", { nullable: true })
  note!: string | null;

  @Column("uuid", { name: "created_by" })
  createdBy!: string;

  @Column("uuid", { name: "ledger_account_id", nullable: true })
  ledgerAccountId!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
