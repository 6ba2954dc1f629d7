import { pipeline, Readable } from "node:stream";

import { type CsvError, parse } from "csv-parse";

import { badInput } from "../../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../../platform/money/index.js";
import { readAmount } from "./amount-text.js";
import type { ColumnRef, CsvMapping } from "./csv-mapping.js";
import { type ImportItem, rowError, rowOk, RowProblem } from "./import-row.js";
import { clip, readDate } from "./statement-date.js";

/** A whole file, or its bytes/text as they arrive (an upload stream); UTF-8 is assumed for bytes. */
export type CsvSource = string | AsyncIterable<string | Uint8Array>;

// Feeding the text in slices lets the pipe's back-pressure hold only a slice's records at a time.
const SLICE = 64 * 1024;
// An unclosed quote would otherwise swallow the rest of a large file into one field.
const MAX_RECORD_CHARS = 100_000;

function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1; // keep surrogate pairs whole
    yield text.slice(start, end);
    start = end;
  }
}

interface Columns {
  width: number;
  date: number;
  amount: number | null;
  debit: number | null;
  credit: number | null;
  payee: number | null;
  memo: number | null;
  bankTransactionId: number | null;
}

type MappedField = "date" | "amount" | "debit" | "credit" | "payee" | "memo" | "bankTransactionId";

function refsOf(mapping: CsvMapping): Record<MappedField, ColumnRef | null> {
  const money = mapping.amount;
  return {
    date: mapping.date,
    amount: money.kind === "signed" ? money.amount : null,
    debit: money.kind === "split" ? money.debit : null,
    credit: money.kind === "split" ? money.credit : null,
    payee: mapping.payee,
    memo: mapping.memo,
    bankTransactionId: mapping.bankTransactionId,
  };
}

/** Pins every mapped column to a position; a column the file lacks is the mapping's fault, not a row's. */
function resolveColumns(mapping: CsvMapping, header: string[] | null, width: number): Columns {
  const names = header?.map((cell) => cell.trim().toLowerCase());
  const resolved = { width } as Columns;
  for (const [field, ref] of Object.entries(refsOf(mapping)) as [MappedField, ColumnRef | null][]) {
    const fail = (why: string) => badInput(`mapping.${field} ${why}`, { field: `mapping.${field}` });
    if (!ref) {
      if (field !== "date") resolved[field] = null;
      continue;
    }
    let index: number;
    if (ref.kind === "index") {
      index = ref.index;
    } else {
      const wanted = ref.name.toLowerCase();
      index = names?.indexOf(wanted) ?? -1;
      if (index < 0)
        throw fail(`names column "${clip(ref.name)}", which the header does not have (it has: ${clip(header!.join(", "), 200)})`);
      if (names!.indexOf(wanted, index + 1) >= 0)
        throw fail(`names column "${clip(ref.name)}", which appears more than once in the header`);
    }
    if (index >= width) throw fail(`is column ${index}, but the file has only ${width} columns (0..${width - 1})`);
    resolved[field] = index;
  }
  return resolved;
}

const isBlank = (record: string[]) => record.every((cell) => cell.trim() === "");

const text = (record: string[], index: number | null): string | null => {
  if (index === null) return null;
  const value = record[index]!.trim();
  return value === "" ? null : value;
};

function signedAmount(record: string[], columns: Columns, mapping: CsvMapping, currency: string): bigint {
  const read = (cell: string) => readAmount(cell, mapping.decimalSeparator, currency);
  if (columns.amount !== null) {
    const cell = text(record, columns.amount);
    if (cell === null) throw new RowProblem("MISSING_FIELD", "amount is empty");
    return read(cell);
  }
  // Some banks print 0.00 in the unused column, so a zero counts as empty. The sign the bank put in
  // front is ignored: the column alone says which way the money went.
  const debitCell = text(record, columns.debit);
  const creditCell = text(record, columns.credit);
  const debit = debitCell === null ? 0n : read(debitCell);
  const credit = creditCell === null ? 0n : read(creditCell);
  if (debit !== 0n && credit !== 0n) throw new RowProblem("BAD_ROW", "both debit and credit are filled");
  if (debitCell === null && creditCell === null) throw new RowProblem("MISSING_FIELD", "debit and credit are both empty");
  const abs = (value: bigint) => (value < 0n ? -value : value);
  return credit !== 0n ? abs(credit) : -abs(debit);
}

function toItem(record: string[], row: number, columns: Columns, mapping: CsvMapping, currency: string): ImportItem {
  if (record.length !== columns.width) {
    return rowError(row, "BAD_ROW", `row has ${record.length} columns, expected ${columns.width}`);
  }
  try {
    const dateCell = text(record, columns.date);
    if (dateCell === null) throw new RowProblem("MISSING_FIELD", "date is empty");
    const date = readDate(dateCell, mapping.dateFormat);
    const amount = signedAmount(record, columns, mapping, currency);
    const memo = text(record, columns.memo);
    return rowOk({
      row,
      date,
      amountMinor: mapping.invertSign ? -amount : amount,
      payee: text(record, columns.payee) ?? memo ?? "",
      memo,
      bankTransactionId: text(record, columns.bankTransactionId),
    });
  } catch (error) {
    if (error instanceof RowProblem) return rowError(row, error.code, error.message);
    throw error;
  }
}

/**
 * Streams a bank CSV as one ImportItem per data row, in file order. `row` is the record number
 * counting the header and blank lines, i.e. the row a spreadsheet shows; blank rows yield nothing.
 * Throws BAD_USER_INPUT (before any item) when the currency is unknown or the file lacks a mapped column.
 * A quote that is never closed ends the import with one BAD_ROW for the row where it opened.
 */
export async function* parseCsv(content: CsvSource, mapping: CsvMapping, currency: string): AsyncGenerator<ImportItem> {
  const accountCurrency = normalizeCurrency(currency);
  // Skipped records are reported through on_skip, ahead of the records still buffered before
  // them, so each is queued with the count of records emitted before it to keep file order.
  const skipped: { before: number; error: CsvError | undefined }[] = [];
  const source = Readable.from(typeof content === "string" ? slices(content) : content);
  // pipeline, unlike pipe, carries a failing upload stream's error through to the for-await below.
  const parser = pipeline(
    source,
    parse({
      bom: true,
      delimiter: mapping.delimiter,
      // Row shape is judged here so that one bad row is reported and the rest still import.
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARS,
      skip_records_with_error: true,
      on_skip: (error) => void skipped.push({ before: typeof error?.records === "number" ? error.records : Infinity, error }),
    }),
    () => {},
  );
  let emitted = 0;
  let row = 0;
  const takeSkipped = function* (upTo: number): Generator<ImportItem> {
    while (skipped.length > 0 && skipped[0]!.before < upTo) {
      row += 1;
      yield rowError(row, "BAD_ROW", describe(skipped.shift()!.error));
    }
  };
  let header: string[] | null = null;
  let columns: Columns | null = null;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      emitted += 1;
      yield* takeSkipped(emitted);
      row += 1;
      if (isBlank(record)) continue;
      if (mapping.hasHeader && header === null) {
        header = record;
        continue;
      }
      columns ??= resolveColumns(mapping, header, header?.length ?? record.length);
      yield toItem(record, row, columns, mapping, accountCurrency);
    }
    yield* takeSkipped(Infinity);
  } finally {
    source.destroy();
    parser.destroy();
  }
}

// csv-parse cannot resynchronise after these, so the rest of the file is gone with them.
function describe(error: CsvError | undefined): string {
  if (error?.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field opened here is never closed; the rest of the file could not be read";
  if (error?.code === "CSV_MAX_RECORD_SIZE")
    return `row is longer than ${MAX_RECORD_CHARS} characters (an unclosed quote?); the rest of the file could not be read`;
  return `row could not be read as CSV: ${error?.message ?? "unknown error"}`;
}
