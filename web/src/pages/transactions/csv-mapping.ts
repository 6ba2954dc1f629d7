/**
 * A first guess at how a bank's CSV export maps onto the ledger's columns, read from its header
 * and first rows, so most files import without touching the mapping. The person can change it.
 */
export interface CsvGuess {
  delimiter: string;
  columns: string[];
  date: string;
  amount: string;
  payee: string;
  memo: string;
  dateFormat: string;
  decimalSeparator: "." | ",";
}

export const DATE_FORMATS = ["yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy", "MM/dd/yyyy", "yyyyMMdd"] as const;
export const DELIMITERS: ReadonlyArray<{ value: string; label: string }> = [
  { value: ",", label: "Comma (,)" },
  { value: ";", label: "Semicolon (;)" },
  { value: "\t", label: "Tab" },
];

/** One CSV line's cells ("a;"b;c";d" → a, b;c, d), quotes doubled inside quoted cells. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");

/** The delimiter the header line uses most. */
export function guessDelimiter(text: string): string {
  const header = lines(text)[0] ?? "";
  const count = (d: string) => header.split(d).length - 1;
  return [";", "\t", ","].reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/** The header's column names. */
export const headerColumns = (text: string, delimiter: string): string[] =>
  splitCsvLine(lines(text)[0] ?? "", delimiter).filter((c) => c !== "");

const find = (columns: string[], pattern: RegExp, not: string[] = []) => columns.find((c) => pattern.test(c) && !not.includes(c)) ?? "";

function guessDateFormat(samples: string[]): string {
  if (samples.some((s) => /^\d{4}-\d{1,2}-\d{1,2}$/.test(s))) return "yyyy-MM-dd";
  if (samples.some((s) => /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(s))) return "dd.MM.yyyy";
  if (samples.some((s) => /^\d{8}$/.test(s))) return "yyyyMMdd";
  const slashed = samples.map((s) => /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(s)).filter((m) => m !== null);
  if (slashed.some((m) => Number(m[2]) > 12)) return "MM/dd/yyyy";
  if (slashed.length > 0) return "dd/MM/yyyy";
  return "yyyy-MM-dd";
}

/** Reads the header and up to 20 rows: which column is which, the date format and the decimal mark. */
export function guessCsvMapping(text: string): CsvGuess {
  const delimiter = guessDelimiter(text);
  const columns = headerColumns(text, delimiter);
  const date = find(columns, /date|datum|day|booked|buchung/i);
  const amount = find(columns, /amount|betrag|value|sum|total/i, [date]);
  const payee = find(columns, /payee|description|name|merchant|counterpart|empf|beneficiary|details/i, [date, amount]);
  const memo = find(columns, /memo|note|reference|purpose|verwendung/i, [date, amount, payee]);
  const rows = lines(text)
    .slice(1, 21)
    .map((line) => splitCsvLine(line, delimiter));
  const cell = (name: string) => rows.map((row) => row[columns.indexOf(name)] ?? "").filter((c) => c !== "");
  const amounts = amount ? cell(amount) : [];
  const decimalSeparator = amounts.some((a) => /,\d{1,2}$/.test(a)) && !amounts.some((a) => /\.\d{1,2}$/.test(a)) ? "," : ".";
  return { delimiter, columns, date, amount, payee, memo, dateFormat: guessDateFormat(date ? cell(date) : []), decimalSeparator };
}

/** OFX/QFX by its name or its content; anything else is read as CSV. */
export const formatOfFile = (name: string, text: string): "CSV" | "OFX" =>
  /\.(ofx|qfx)$/i.test(name) || /<OFX>|OFXHEADER/i.test(text.slice(0, 2000)) ? "OFX" : "CSV";
