export type { ImportItem, ParsedRow, RowError, RowErrorCode } from "./import-row.js";
export { validateCsvMapping, type AmountColumns, type ColumnRef, type CsvDelimiter, type CsvMapping, type CsvMappingInput } from "./csv-mapping.js";
export { parseCsv, type CsvSource } from "./csv-parser.js";
export { parseOfx, type OfxImport } from "./ofx-parser.js";
export { decodeOfx } from "./ofx-encoding.js";
export type { DecimalSeparator } from "./amount-text.js";
