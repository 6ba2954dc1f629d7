export type { DecimalSeparator } from "./amount-text.js";
export {
  type AmountColumns,
  type ColumnRef,
  type CsvDelimiter,
  type CsvMapping,
  type CsvMappingInput,
  validateCsvMapping,
} from "./csv-mapping.js";
export { type CsvSource, parseCsv } from "./csv-parser.js";
export type { ImportItem, ParsedRow, RowError, RowErrorCode } from "./import-row.js";
export { decodeOfx } from "./ofx-encoding.js";
export { type OfxImport, parseOfx } from "./ofx-parser.js";
