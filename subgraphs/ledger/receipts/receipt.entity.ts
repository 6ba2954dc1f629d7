import { Column, Entity, PrimaryColumn } from "typeorm";

import type { ReceiptExtraction } from "./ocr/receipt-reader.js";
import type { ReceiptDraftData } from "./receipt-draft.js";

export type ReceiptStatusValue = "AWAITING_UPLOAD" | "UPLOADED" | "PROCESSING" | "READY" | "FAILED";

@Entity({ name: "receipts" })
export class ReceiptEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  status!: ReceiptStatusValue;

  @Column("text", { name: "content_type" })
  contentType!: string;

  /** Declared at createReceiptUpload: the upload may be smaller, never larger. */
  @Column("integer")
  size!: number;

  @Column("text", { name: "storage_key" })
  storageKey!: string;

  @Column("text", { name: "failure_reason", nullable: true })
  failureReason!: string | null;

  @Column("jsonb", { nullable: true })
  extraction!: ReceiptExtraction | null;

  @Column("jsonb", { nullable: true })
  draft!: ReceiptDraftData | null;

  @Column("uuid", { name: "suggested_transaction_id", nullable: true })
  suggestedTransactionId!: string | null;

  @Column("uuid", { name: "transaction_id", nullable: true })
  transactionId!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
