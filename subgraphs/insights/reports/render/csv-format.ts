import { stringify } from "csv-stringify";

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) gets a
 * leading apostrophe (OWASP's advice against CSV injection): a payee named `=HYPERLINK(...)` stays
 * text. Only free text goes through this; amounts are ours and stay plain numbers.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * An RFC 4180 writer: CRLF line ends, fields quoted only when they hold a comma, quote or line
 * break (a lone LF included, which csv-stringify would not quote under CRLF records), quotes doubled. UTF-8 with a byte-order mark, because the people who download a
 * statement mostly open it in a spreadsheet that reads BOM-less UTF-8 as a legacy code page;
 * csv parsers skip it (csv-parse `bom: true`, Python `utf-8-sig`).
 */
export function csvWriter(columns: readonly string[]) {
  return stringify({ header: true, columns: [...columns], bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
