import { badInput } from "../../../../platform/errors/index.js";
import type { DecimalSeparator } from "./amount-text.js";
import { compileDateFormat, type DateFormat } from "./statement-date.js";

/** A column as the user named it: a header text, or a 0-based position. */
export type ColumnRef = { readonly kind: "index"; readonly index: number } | { readonly kind: "name"; readonly name: string };

export type AmountColumns =
  | { readonly kind: "signed"; readonly amount: ColumnRef }
  /** Debit is money out and credit money in, whatever sign the bank printed. */
  | { readonly kind: "split"; readonly debit: ColumnRef; readonly credit: ColumnRef };

export type CsvDelimiter = "," | ";" | "\t";

/** A checked mapping: only validateCsvMapping makes one, so the parser never re-checks it. */
export interface CsvMapping {
  readonly date: ColumnRef;
  readonly amount: AmountColumns;
  readonly payee: ColumnRef | null;
  readonly memo: ColumnRef | null;
  readonly bankTransactionId: ColumnRef | null;
  readonly dateFormat: DateFormat;
  readonly decimalSeparator: DecimalSeparator;
  readonly delimiter: CsvDelimiter;
  readonly hasHeader: boolean;
  readonly invertSign: boolean;
}

/** What GraphQL (or a saved import profile) hands over; column refs may be digit strings. */
export interface CsvMappingInput {
  date: string | number;
  amount?: string | number | null;
  debit?: string | number | null;
  credit?: string | number | null;
  payee?: string | number | null;
  memo?: string | number | null;
  bankTransactionId?: string | number | null;
  dateFormat: string;
  decimalSeparator?: string | null;
  delimiter?: string | null;
  hasHeader?: boolean | null;
  invertSign?: boolean | null;
}

const MAX_COLUMNS = 1000;
const MAX_NAME = 200;

function columnRef(value: unknown, field: string, hasHeader: boolean): ColumnRef {
  const fail = (why: string) => badInput(`mapping.${field} ${why}`, { field: `mapping.${field}` });
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0 || value >= MAX_COLUMNS) throw fail(`must be a column index 0..${MAX_COLUMNS - 1}`);
    return { kind: "index", index: value };
  }
  if (typeof value !== "string") throw fail("must be a column header name or a 0-based index");
  const text = value.trim();
  if (/^\d+$/.test(text)) return columnRef(Number(text), field, hasHeader);
  if (text === "" || text.length > MAX_NAME) throw fail(`must be a column header name of 1..${MAX_NAME} characters or a 0-based index`);
  if (!hasHeader) throw fail("names a header column but the file has no header row: use a 0-based index");
  return { kind: "name", name: text };
}

function optionalRef(value: unknown, field: string, hasHeader: boolean): ColumnRef | null {
  return value === undefined || value === null || value === "" ? null : columnRef(value, field, hasHeader);
}

function choice<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const shown = allowed.map((a) => JSON.stringify(a)).join(", ");
  throw badInput(`mapping.${field} must be one of ${shown}`, { field: `mapping.${field}` });
}

function flag(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "boolean") return value;
  throw badInput(`mapping.${field} must be true or false`, { field: `mapping.${field}` });
}

const sameColumn = (a: ColumnRef, b: ColumnRef) =>
  a.kind === "index" ? b.kind === "index" && a.index === b.index : b.kind === "name" && a.name.toLowerCase() === b.name.toLowerCase();

/** Checks a user's mapping once, before any row is read; throws BAD_USER_INPUT naming the field. */
export function validateCsvMapping(input: CsvMappingInput): CsvMapping {
  const hasHeader = flag(input.hasHeader, "hasHeader", true);
  const date = columnRef(input.date, "date", hasHeader);

  const hasAmount = input.amount !== undefined && input.amount !== null && input.amount !== "";
  const hasDebit = input.debit !== undefined && input.debit !== null && input.debit !== "";
  const hasCredit = input.credit !== undefined && input.credit !== null && input.credit !== "";
  let amount: AmountColumns;
  if (hasAmount) {
    if (hasDebit || hasCredit) {
      throw badInput("mapping.amount cannot be combined with debit/credit columns", { field: "mapping.amount" });
    }
    amount = { kind: "signed", amount: columnRef(input.amount, "amount", hasHeader) };
  } else if (hasDebit && hasCredit) {
    amount = { kind: "split", debit: columnRef(input.debit, "debit", hasHeader), credit: columnRef(input.credit, "credit", hasHeader) };
  } else {
    const field = hasDebit ? "credit" : hasCredit ? "debit" : "amount";
    throw badInput(`mapping.${field} is required: map either an amount column or both debit and credit`, { field: `mapping.${field}` });
  }

  const dateFormat = typeof input.dateFormat === "string" ? compileDateFormat(input.dateFormat) : null;
  if (!dateFormat) {
    throw badInput('mapping.dateFormat must combine yyyy, MM or M, dd or d with "-", "/", "." or " " (e.g. "dd/MM/yyyy")', {
      field: "mapping.dateFormat",
    });
  }

  const mapping: CsvMapping = {
    date,
    amount,
    payee: optionalRef(input.payee, "payee", hasHeader),
    memo: optionalRef(input.memo, "memo", hasHeader),
    bankTransactionId: optionalRef(input.bankTransactionId, "bankTransactionId", hasHeader),
    dateFormat,
    decimalSeparator: choice(input.decimalSeparator, "decimalSeparator", [".", ","] as const, "."),
    delimiter: choice(input.delimiter, "delimiter", [",", ";", "\t"] as const, ","),
    hasHeader,
    invertSign: flag(input.invertSign, "invertSign", false),
  };
  const used: [string, ColumnRef][] = [["date", date]];
  if (amount.kind === "signed") used.push(["amount", amount.amount]);
  else used.push(["debit", amount.debit], ["credit", amount.credit]);
  // Payee and memo may share a column (some banks have one "Description"), money and dates may not.
  used.forEach(([field, ref], i) => {
    const earlier = used.slice(0, i).find(([, other]) => sameColumn(other, ref));
    if (earlier) throw badInput(`mapping.${field} uses the same column as mapping.${earlier[0]}`, { field: `mapping.${field}` });
  });
  return mapping;
}
