import { badInput } from "../../../../platform/errors/index.js";
import { parseCamt } from "./camt-parser.js";
import { type CsvMapping } from "./csv-mapping.js";
import { parseCsv } from "./csv-parser.js";
import { detectFormat, type StatementFormat } from "./format-detection.js";
import type { ImportItem } from "./import-row.js";
import { parseOfx } from "./ofx-parser.js";
import { parseQif, qifDateOrder } from "./qif-parser.js";
import { decodeStatement } from "./text-encoding.js";

export interface StatementOptions {
  /** Required for CSV. */
  mapping: CsvMapping | null;
  /** QIF: the date layout ("MM/dd/yy", the default, or "dd/MM/yyyy"). */
  dateFormat?: string | null;
}

export interface Statement {
  format: StatementFormat;
  /** The currency the file declares for its (first) account; null when it declares none. */
  currency: string | null;
  items: AsyncIterator<ImportItem> | Iterator<ImportItem>;
}

/**
 * The one way into the parsers: decodes the bytes (text-encoding.ts), decides the format (the
 * caller's, else detectFormat), and returns the file's items in file order. Everything after this
 * (duplicates, rules, the categorizer, row errors, progress) is the same for every format.
 */
export function openStatement(bytes: Uint8Array, format: StatementFormat | null, currency: string, options: StatementOptions): Statement {
  const { text } = decodeStatement(bytes);
  const chosen = format ?? detectFormat(text);
  switch (chosen) {
    case "CSV": {
      if (!options.mapping) throw badInput("a CSV import needs a mapping", { field: "mapping" });
      return { format: chosen, currency: null, items: parseCsv(text, options.mapping, currency) };
    }
    case "OFX": {
      const statement = parseOfx(text, currency);
      return { format: chosen, currency: statement.currency, items: statement.items };
    }
    case "CAMT053": {
      const statement = parseCamt(text, currency);
      return { format: chosen, currency: statement.currency, items: statement.items };
    }
    case "QIF": {
      const order = qifDateOrder(options.dateFormat);
      if (!order) throw badInput('dateFormat must name day, month and year, e.g. "MM/dd/yy" or "dd/MM/yyyy"', { field: "dateFormat" });
      return { format: chosen, currency: null, items: parseQif(text, currency, order) };
    }
  }
}
