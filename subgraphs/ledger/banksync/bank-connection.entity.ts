import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const BANK_CONNECTION_STATUSES = ["ACTIVE", "NEEDS_ATTENTION", "ERROR", "DISCONNECTED"] as const;
export type BankConnectionStatusValue = (typeof BANK_CONNECTION_STATUSES)[number];

/** One bank link of a user through a provider; the credentials are sealed (platform/crypto), bound to the row id. */
@Entity({ name: "bank_connections" })
export class BankConnectionEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  provider!: string;

  @Column("text")
  institution!: string;

  @Column("text")
  status!: BankConnectionStatusValue;

  /** null once disconnected: nothing can read the bank any more. */
  @Column("text", { name: "sealed_credentials", nullable: true })
  sealedCredentials!: string | null;

  @Column("timestamptz", { name: "last_synced_at", nullable: true })
  lastSyncedAt!: Date | null;

  @Column("text", { name: "last_error", nullable: true })
  lastError!: string | null;

  /** When the scheduled sync next picks it up (null: never, i.e. disconnected or waiting for the user). */
  @Column("timestamptz", { name: "next_sync_at", nullable: true })
  nextSyncAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}

/** An account at the bank, as last reported, and the ledger account its transactions go to (once linked). */
@Entity({ name: "bank_accounts" })
export class BankAccountEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "connection_id" })
  connectionId!: string;

  @Column("text", { name: "remote_id" })
  remoteId!: string;

  @Column("text")
  name!: string;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("bigint", { name: "balance_minor", transformer: bigintColumn })
  balanceMinor!: bigint;

  @Column("uuid", { name: "ledger_account_id", nullable: true })
  ledgerAccountId!: string | null;

  /** The bank's balance minus the ledger account's after the last sync; reported, never booked. */
  @Column("bigint", { name: "last_balance_difference_minor", nullable: true, transformer: bigintColumn })
  lastBalanceDifferenceMinor!: bigint | null;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
