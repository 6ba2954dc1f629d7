/** One statement line turned into ledger terms; money is integer minor units, never a float. */
export interface ParsedRow {
  /**
   * 1-based number the user can find in the file. CSV: the record number counting the header and
   * blank lines (the spreadsheet row number). OFX: the position of the STMTTRN in the file.
   */
  row: number;
  /** YYYY-MM-DD, the calendar day as the bank wrote it. */
  date: string;
  /** Negative = money out. */
  amountMinor: bigint;
  payee: string;
  memo: string | null;
  /** OFX FITID, CAMT AcctSvcrRef, or a mapped CSV column. */
  bankTransactionId: string | null;
  /** A category the file names (QIF `L`, "Parent:Child"); resolved against the user's categories by name. */
  category?: string | null;
  /** Split lines (QIF `S`/`$`/`E`); their amounts must add up to the row's. */
  splits?: ParsedSplit[] | null;
  /** Cleared status as the file states it (QIF `C`); null leaves the ledger's default. */
  status?: "CLEARED" | "RECONCILED" | null;
}

export interface ParsedSplit {
  category: string | null;
  amountMinor: bigint;
  memo: string;
}

export type RowErrorCode =
  | "BAD_DATE"
  | "DATE_OUT_OF_RANGE"
  | "BAD_AMOUNT"
  | "MISSING_FIELD"
  | "BAD_ROW"
  | "BAD_CURRENCY"
  | "FOREIGN_CURRENCY"
  | "OTHER_ACCOUNT"
  | "UNSUPPORTED_ROW"
  | "TRUNCATED";

export interface RowError {
  row: number;
  code: RowErrorCode;
  message: string;
}

export type ImportItem = { ok: true; value: ParsedRow } | { ok: false; error: RowError };

export const rowOk = (value: ParsedRow): ImportItem => ({ ok: true, value });
export const rowError = (row: number, code: RowErrorCode, message: string): ImportItem => ({
  ok: false,
  error: { row, code, message },
});

/** A row-level failure raised while reading one field; the parsers turn it into a RowError. */
export class RowProblem extends Error {
  constructor(
    readonly code: RowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RowProblem";
  }
}
