import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const POSTING_ROLES = ["ACCOUNT", "CATEGORY", "TRADING"] as const;
export type PostingRoleValue = (typeof POSTING_ROLES)[number];

/**
 * One leg of a transaction's double entry; per transaction and currency the legs sum to zero.
 * ACCOUNT legs move a balance; CATEGORY legs are the income/expense side (one per split; a null
 * category is "uncategorised"); TRADING legs balance a transfer between two currencies.
 */
@Entity({ name: "postings" })
export class PostingEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "transaction_id" })
  transactionId!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  role!: PostingRoleValue;

  @Column("uuid", { name: "account_id", nullable: true })
  accountId!: string | null;

  @Column("uuid", { name: "category_id", nullable: true })
  categoryId!: string | null;

  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("text")
  memo!: string;

  @Column("smallint")
  position!: number;
}
