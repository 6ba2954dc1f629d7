import { Column, Entity, PrimaryColumn } from "typeorm";
import type { RowError } from "./parsing/index.js";

export type ImportFormat = "CSV" | "OFX";
export type ImportStatus = "RUNNING" | "COMPLETED" | "FAILED";

@Entity({ name: "import_batches" })
export class ImportBatchEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "account_id" })
  accountId!: string;

  @Column("text")
  format!: ImportFormat;

  @Column("text")
  status!: ImportStatus;

  @Column("integer", { name: "total_rows" })
  totalRows!: number;

  @Column("integer")
  imported!: number;

  @Column("integer")
  duplicates!: number;

  @Column("integer")
  failed!: number;

  /** The first MAX_STORED_ERRORS row errors; `failed` counts them all. */
  @Column("jsonb")
  errors!: RowError[];

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "finished_at", nullable: true })
  finishedAt!: Date | null;
}
