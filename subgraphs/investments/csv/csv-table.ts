import { parse } from "csv-parse/sync";

import { badInput } from "../../../platform/errors/index.js";

/** A CSV file's header (lower-cased) and its data lines with their line numbers (the header is line 1). */
export interface CsvTable {
  columns: string[];
  rows: Array<{ record: string[]; line: number }>;
}

/**
 * Parses an uploaded file: a header and at most `maxRows` data lines, blank lines skipped and
 * cells trimmed. Something that is not CSV, or longer than allowed, is refused as a whole
 * (`BAD_USER_INPUT` on `csv`, the message naming `what`); checking the columns and each line is
 * the caller's.
 */
export function readCsvTable(csv: string, maxRows: number, what: string): CsvTable {
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
  if (body.length > maxRows) throw badInput(`${what} holds at most ${maxRows} rows`, { field: "csv" });
  return {
    columns: (header?.record ?? []).map((h) => h.toLowerCase()),
    rows: body.map(({ record, info }) => ({ record, line: info.lines })),
  };
}
