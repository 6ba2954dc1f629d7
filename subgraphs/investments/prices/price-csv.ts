import { parse } from "csv-parse/sync";

import { badInput } from "../../../platform/errors/index.js";

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
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // The header, the cap, and one record past it: enough to tell the file is too long. (csv-parse's
    // types do not model `info: true`, which pairs each record with the line it ends on.)
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
      to: maxRows + 2,
    }) as unknown as typeof records;
  } catch (error) {
    throw badInput(`not a CSV file: ${(error as Error).message.slice(0, 200)}`, { field: "csv" });
  }
  const [header, ...body] = records;
  const columns = (header?.record ?? []).map((h) => h.toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  if (REQUIRED.some((c) => at(c) < 0))
    throw badInput("the header must name the columns symbol, date and close (and may name currency)", { field: "csv" });
  if (body.length > maxRows) throw badInput(`a price file holds at most ${maxRows} rows`, { field: "csv" });
  const cell = (record: string[], name: string) => (at(name) < 0 ? "" : (record[at(name)] ?? ""));
  return body.map(({ record, info }) => ({
    row: info.lines,
    symbol: cell(record, "symbol"),
    date: cell(record, "date"),
    close: cell(record, "close"),
    currency: cell(record, "currency"),
  }));
}
