import { Column, Entity, PrimaryColumn } from "typeorm";

import type { RowError } from "./parsing/index.js";

export type ImportFormat = "CSV" | "OFX" | "QIF" | "CAMT053";
export type ImportStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";

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

  /** Rows (data records) in the file: 0 until the job has counted them (before writing any). */
  @Column("integer", { name: "total_rows" })
  totalRows!: number;

  /** Rows of the file read so far (imported, duplicate or failed): totalRows once COMPLETED. */
  @Column("integer", { name: "rows_done" })
  rowsDone!: number;

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

  @Column("timestamptz", { name: "started_at", nullable: true })
  startedAt!: Date | null;

  @Column("timestamptz", { name: "finished_at", nullable: true })
  finishedAt!: Date | null;
}

/** The statement as uploaded, kept only while its import job may still need it. */
@Entity({ name: "import_files" })
export class ImportFileEntity {
  @PrimaryColumn("uuid", { name: "batch_id" })
  batchId!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** The file's bytes, decoded by the job (imports accepted before bytes were kept have `content` instead). */
  @Column("bytea", { nullable: true })
  bytes!: Buffer | null;

  @Column("text", { nullable: true })
  content!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
