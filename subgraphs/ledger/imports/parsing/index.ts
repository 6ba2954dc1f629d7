export type { DecimalSeparator } from "./amount-text.js";
export { type CamtImport, parseCamt } from "./camt-parser.js";
export {
  type AmountColumns,
  type ColumnRef,
  type CsvDelimiter,
  type CsvMapping,
  type CsvMappingInput,
  validateCsvMapping,
} from "./csv-mapping.js";
export { type CsvSource, parseCsv } from "./csv-parser.js";
export { detectFormat, type StatementFormat } from "./format-detection.js";
export type { ImportItem, ParsedRow, ParsedSplit, RowError, RowErrorCode } from "./import-row.js";
export { type OfxImport, parseOfx } from "./ofx-parser.js";
export { parseQif, qifDateOrder } from "./qif-parser.js";
export { openStatement, type Statement, type StatementOptions } from "./statement.js";
export { type DecodedText, decodeStatement } from "./text-encoding.js";
