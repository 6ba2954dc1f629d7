import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import type { ImportBatchEntity } from "./import-batch.entity.js";
import type { CsvMappingInput as ParserMapping } from "./parsing/index.js";

export enum ImportFormat {
  CSV = "CSV",
  OFX = "OFX",
  QIF = "QIF",
  CAMT053 = "CAMT053",
}
registerEnumType(ImportFormat, {
  name: "ImportFormat",
  description: "OFX also reads QFX; QIF is Quicken Interchange Format; CAMT053 is the ISO 20022 bank-to-customer statement (XML).",
});

export enum ImportStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  FAILED = "FAILED",
}
registerEnumType(ImportStatus, {
  name: "ImportStatus",
  description: "QUEUED (accepted, waiting for its job) → RUNNING → COMPLETED, or FAILED (the rows imported before the failure stay).",
});

@InputType({ description: "Columns by header name, or by 0-based index written as digits." })
export class CsvMappingInput implements ParserMapping {
  @Field(() => String)
  date!: string;

  @Field(() => String, { nullable: true, description: "A signed amount column; or give debit and credit." })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: "Money out." })
  debit?: string | null;

  @Field(() => String, { nullable: true, description: "Money in." })
  credit?: string | null;

  @Field(() => String, { nullable: true })
  payee?: string | null;

  @Field(() => String, { nullable: true })
  memo?: string | null;

  @Field(() => String, { nullable: true, description: "The bank's own id per row, when the export has one: the surest duplicate check." })
  bankTransactionId?: string | null;

  @Field(() => String, { description: "e.g. yyyy-MM-dd, dd/MM/yyyy, MM/dd/yyyy, dd.MM.yyyy, yyyyMMdd." })
  dateFormat!: string;

  @Field(() => String, { nullable: true, description: '"." (default) or ",".' })
  decimalSeparator?: string | null;

  @Field(() => String, { nullable: true, description: '",", ";" or a tab; default ",".' })
  delimiter?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Default true." })
  hasHeader?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "For banks that print money out as positive." })
  invertSign?: boolean | null;
}

@InputType()
export class ImportTransactionsInput {
  @Field(() => ID)
  accountId!: string;

  @Field(() => ImportFormat, {
    nullable: true,
    description: "Omit to let the file's content decide (OFX header, QIF !Type:, CAMT namespace, else CSV); FORMAT_UNKNOWN when it cannot.",
  })
  format?: ImportFormat | null;

  @Field(() => String, { nullable: true, description: "The file's text; or give contentBase64." })
  content?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The file's bytes as uploaded, base64-encoded: UTF-8/UTF-16 (BOM or not) and declared or Windows-1252 single-byte files are decoded.",
  })
  contentBase64?: string | null;

  @Field(() => CsvMappingInput, { nullable: true, description: "Required for CSV." })
  mapping?: CsvMappingInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'QIF only: the date layout, "MM/dd/yy" (default; MM/dd\'yy also read) or "dd/MM/yyyy".',
  })
  dateFormat?: string | null;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@ObjectType("ImportRowError")
export class ImportRowError {
  @Field(() => Int, {
    description:
      "The row as the file counts it (CSV: line, header included; QIF: the record's first line; OFX, CAMT053: the n-th transaction).",
  })
  row!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType("ImportBatch", { description: "One statement import and what became of its rows." })
export class ImportBatch {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => ImportStatus)
  status!: ImportStatus;

  @Field(() => Int, {
    description: "Data rows in the file; 0 until the job has counted them (its first steps, before any row is written).",
  })
  totalRows!: number;

  @Field(() => Int, { description: "Rows read so far (imported, duplicate or failed); equals totalRows once COMPLETED." })
  rowsDone!: number;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int, { description: "Rows the account already had (bank id, or date ± 2 days, amount and payee)." })
  duplicates!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [ImportRowError], { description: "The first 1,000 row errors, as far as the import got." })
  errors!: ImportRowError[];

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true, description: "When the background job started it; null while QUEUED." })
  startedAt!: string | null;

  @Field(() => String, { nullable: true, description: "When it COMPLETED or FAILED." })
  finishedAt!: string | null;

  static from(b: ImportBatchEntity): ImportBatch {
    return Object.assign(new ImportBatch(), {
      id: b.id,
      accountId: b.accountId,
      format: b.format as ImportFormat,
      status: b.status as ImportStatus,
      totalRows: b.totalRows,
      rowsDone: b.rowsDone,
      imported: b.imported,
      duplicates: b.duplicates,
      failed: b.failed,
      errors: b.errors,
      createdAt: b.createdAt.toISOString(),
      startedAt: b.startedAt?.toISOString() ?? null,
      finishedAt: b.finishedAt?.toISOString() ?? null,
    });
  }
}
