import { badInput } from "../../../platform/errors/index.js";
import { readCsvTable } from "../csv/csv-table.js";

/** One data line of a price file, as written; `row` is its line number (the header is line 1). */
export interface PriceCsvRow {
  row: number;
  symbol: string;
  date: string;
  close: string;
  /** Empty: the security's own currency. */
  currency: string;
}

const REQUIRED = ["symbol", "date", "close"] as const;

/**
 * Reads a price file with a header naming symbol, date and close (any order, any case) and
 * optionally currency; other columns are ignored. A file that is not CSV, lacks a column or has
 * more than `maxRows` lines is refused as a whole; checking each line is the caller's.
 */
export function readPriceCsv(csv: string, maxRows: number): PriceCsvRow[] {
  const { columns, rows } = readCsvTable(csv, maxRows, "a price file");
  const at = (name: string) => columns.indexOf(name);
  if (REQUIRED.some((c) => at(c) < 0))
    throw badInput("the header must name the columns symbol, date and close (and may name currency)", { field: "csv" });
  const cell = (record: string[], name: string) => (at(name) < 0 ? "" : (record[at(name)] ?? ""));
  return rows.map(({ record, line }) => ({
    row: line,
    symbol: cell(record, "symbol"),
    date: cell(record, "date"),
    close: cell(record, "close"),
    currency: cell(record, "currency"),
  }));
}
