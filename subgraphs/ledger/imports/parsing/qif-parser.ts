import { badInput } from "../../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../../platform/money/index.js";
import { readAmount } from "./amount-text.js";
import { type ImportItem, type ParsedRow, type ParsedSplit, rowError, rowOk, RowProblem } from "./import-row.js";
import { calendarDay, clip } from "./statement-date.js";

/*
 * QIF (Quicken Interchange Format) has no specification beyond Quicken's own notes: lines whose
 * first character says what the rest is (D date, T amount, P payee, ...), records ended by `^`,
 * sections opened by `!Type:...`. No npm package reads it with exact amounts and per-record
 * errors, and the format is small, so it is read here.
 */

/** Day before month (dd/MM/yyyy, most of Europe) or month first (MM/dd/yy, Quicken US's default). */
export type QifDateOrder = "MDY" | "DMY";

/** Reads a CSV-style layout hint ("dd/MM/yyyy", "MM/dd'yy") as a day/month order; null when it names neither. */
export function qifDateOrder(hint: string | null | undefined): QifDateOrder | null {
  if (!hint) return "MDY";
  const day = hint.search(/d/);
  const month = hint.search(/M/);
  if (day < 0 || month < 0 || !/y/.test(hint)) return null;
  return day < month ? "DMY" : "MDY";
}

/** No QIF field is legitimately longer; a longer line is a broken or hostile file. */
const MAX_FIELD_CHARS = 4096;
const BANKING = new Set(["bank", "cash", "ccard", "oth a", "oth l"]);
const INVESTMENT = new Set(["invst", "port", "security", "prices"]);
// Lists that describe the file rather than transactions: their records are skipped.
const LISTS = new Set(["cat", "class", "memorized", "account"]);

// 1-2 digit month/day, then / - . or ' before the year; an apostrophe marks a year 2000 or later.
const QIF_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*(['/.-])\s*(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function readQifDate(text: string, order: QifDateOrder): string {
  const written = text.trim();
  const iso = ISO_DATE.exec(written);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), written);
  const match = QIF_DATE.exec(written);
  if (!match) throw new RowProblem("BAD_DATE", `date "${clip(written)}" is not a QIF date (MM/DD/YY, MM/DD'YY, DD/MM/YYYY)`);
  const [first, second] = [Number(match[1]), Number(match[2])];
  const [month, day] = order === "MDY" ? [first, second] : [second, first];
  let year = Number(match[4]);
  if (match[4]!.length === 2) year += match[3] === "'" || year < 50 ? 2000 : 1900;
  return calendarDay(year, month, day, written);
}

interface QifRecord {
  line: number;
  fields: Array<[string, string]>;
  terminated: boolean;
}

/** Splits the text into sections and records; `type` is the lower-cased `!Type:` of the record's section. */
function* records(text: string): Generator<{ type: string | null; record: QifRecord }> {
  let type: string | null = null;
  let inAccountHeader = false;
  let record: QifRecord | null = null;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, "");
    if (line.trim() === "") continue;
    if (line.startsWith("!")) {
      const header = line.slice(1).trim().toLowerCase();
      if (header.startsWith("type:")) {
        type = header.slice(5).trim();
        inAccountHeader = false;
      } else if (header === "account") {
        inAccountHeader = true; // an account block (N name, T type, ^) that names the next section's account
      } // !Option:AutoSwitch / !Clear:AutoSwitch only change how Quicken reads lists
      continue;
    }
    if (line.startsWith("^")) {
      if (record && !inAccountHeader) yield { type, record: { ...record, terminated: true } };
      record = null;
      inAccountHeader = false;
      continue;
    }
    record ??= { line: i + 1, fields: [], terminated: false };
    record.fields.push([line[0]!, line.slice(1).trim()]);
  }
  if (record && !inAccountHeader) yield { type, record };
}

function status(text: string): ParsedRow["status"] {
  const flag = text.trim().toLowerCase();
  if (flag === "x" || flag === "r") return "RECONCILED";
  if (flag === "*" || flag === "c") return "CLEARED";
  return null;
}

/** `[Savings]` names a transfer account, not a category; `Food:Groceries/Class` keeps the category part. */
function category(text: string): { category: string | null; transfer: string | null } {
  const value = text.trim();
  const transfer = /^\[(.*)\]/.exec(value);
  if (transfer) return { category: null, transfer: transfer[1]!.trim() };
  const name = value.split("/")[0]!.trim();
  return { category: name === "" ? null : name, transfer: null };
}

function amount(text: string, currency: string): bigint {
  try {
    return readAmount(text, ".", currency);
  } catch (error) {
    // European Quicken versions write "1.234,56"; the decimal point is tried first because "1,234"
    // is far more common, and only when a comma is there ("1.005" must not become 1005).
    if (!(error instanceof RowProblem) || !text.includes(",")) throw error;
    try {
      return readAmount(text, ",", currency);
    } catch {
      throw error;
    }
  }
}

function toRow(record: QifRecord, order: QifDateOrder, currency: string): ParsedRow {
  const fields = new Map<string, string>();
  const splits: ParsedSplit[] = [];
  let transfers: string[] = [];
  for (const [code, value] of record.fields) {
    if (value.length > MAX_FIELD_CHARS) throw new RowProblem("BAD_ROW", `line ${code} is longer than ${MAX_FIELD_CHARS} characters`);
    if (code === "S") {
      const target = category(value);
      if (target.transfer) transfers.push(target.transfer);
      splits.push({ category: target.category, amountMinor: 0n, memo: target.transfer ? `Transfer: ${target.transfer}` : "" });
    } else if (code === "E" && splits.length > 0) {
      const split = splits.at(-1)!;
      split.memo = [split.memo, value].filter(Boolean).join(" · ");
    } else if (code === "$" && splits.length > 0) {
      splits.at(-1)!.amountMinor = amount(value, currency);
    } else if (!fields.has(code)) fields.set(code, value);
  }
  const dateText = fields.get("D");
  if (!dateText) throw new RowProblem("MISSING_FIELD", "record has no D (date) line");
  const amountText = fields.get("T") ?? fields.get("U");
  if (!amountText) throw new RowProblem("MISSING_FIELD", "record has no T (amount) line");
  const main = category(fields.get("L") ?? "");
  if (main.transfer) transfers = [main.transfer, ...transfers];
  const check = fields.get("N");
  const memo = [fields.get("M"), check ? `Check ${check}` : null, ...transfers.map((t) => `Transfer: ${t}`)].filter(Boolean).join(" · ");
  return {
    row: record.line,
    date: readQifDate(dateText, order),
    amountMinor: amount(amountText, currency),
    payee: fields.get("P") ?? fields.get("M") ?? "",
    memo: memo === "" ? null : memo,
    bankTransactionId: null,
    category: splits.length > 0 ? null : main.category,
    splits: splits.length > 0 ? splits : null,
    status: status(fields.get("C") ?? ""),
  };
}

/**
 * Parses a QIF file's bank, cash, credit-card and asset/liability sections. Investment records
 * are reported as UNSUPPORTED_ROW, a record the file ends in the middle of as TRUNCATED; other
 * bad records become RowErrors. A file with no `!Type:` header is refused whole (BAD_USER_INPUT).
 * `row` is the line number where the record starts.
 */
export function parseQif(text: string, currency: string, order: QifDateOrder = "MDY"): Generator<ImportItem> {
  const code = normalizeCurrency(currency);
  const firstLine = text.replace(/^\uFEFF/, "").trimStart();
  if (!/^!(Type|Account|Option|Clear)/i.test(firstLine)) {
    throw badInput("the QIF file has no !Type: header (e.g. !Type:Bank) before its first record", { field: "content" });
  }
  return (function* () {
    for (const { type, record } of records(text)) {
      if (type === null) {
        yield rowError(record.line, "BAD_ROW", "record before any !Type: header");
      } else if (LISTS.has(type)) {
        continue;
      } else if (INVESTMENT.has(type)) {
        yield rowError(
          record.line,
          "UNSUPPORTED_ROW",
          `!Type:${type} (investment) records are not imported here; use the portfolio import`,
        );
      } else if (!BANKING.has(type)) {
        yield rowError(record.line, "UNSUPPORTED_ROW", `!Type:${clip(type, 20)} is not a bank, cash or credit-card section`);
      } else if (!record.terminated) {
        yield rowError(record.line, "TRUNCATED", "the file ends inside this record (no closing ^); it was not imported");
      } else {
        try {
          yield rowOk(toRow(record, order, code));
        } catch (error) {
          if (!(error instanceof RowProblem)) throw error;
          yield rowError(record.line, error.code, error.message);
        }
      }
    }
  })();
}
