import { normalizeCurrency } from "../../../../platform/money/index.js";
import { decimalToMinor } from "./amount-text.js";
import { type ImportItem, rowError, rowOk, RowProblem } from "./import-row.js";
import { type OfxTransaction, readOfxDocument } from "./ofx-document.js";
import { calendarDay, clip } from "./statement-date.js";
import { decodeStatement } from "./text-encoding.js";

export interface OfxImport {
  /** CURDEF of the first statement, upper-cased; null when the file has none. */
  currency: string | null;
  /** ACCTID of the first statement's account; null when absent. */
  accountId: string | null;
  items: Generator<ImportItem>;
}

// YYYYMMDD, then optional HHMMSS[.XXX] and a [offset:TZ] bracket; the day is kept as written
// because that is the day the bank shows on the statement, whatever the zone.
const OFX_DATE =
  /^(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2}(?:[.,]\d{1,6})?)?)?)?\s*(?:\[\s*[+-]?\d{1,2}(?:[.:]\d{1,2})?(?::[^\]]*)?\])?$/;
const OFX_AMOUNT = /^([+-])?(\d*)(?:[.,](\d+))?$/;

function readDate(text: string): string {
  const match = OFX_DATE.exec(text);
  if (!match) throw new RowProblem("BAD_DATE", `DTPOSTED "${clip(text)}" is not an OFX date (YYYYMMDD...)`);
  return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]), text);
}

function readAmount(text: string, currency: string): bigint {
  const match = OFX_AMOUNT.exec(text.replace(/\s+/g, ""));
  if (!match || (!match[2] && !match[3])) throw new RowProblem("BAD_AMOUNT", `TRNAMT "${clip(text)}" is not a decimal amount`);
  const [, sign, whole = "", fraction = ""] = match;
  const amountMinor = decimalToMinor(whole, fraction, currency, (why) => new RowProblem("BAD_AMOUNT", `TRNAMT "${clip(text)}" ${why}`));
  return sign === "-" ? -amountMinor : amountMinor;
}

function knownCurrency(code: string): string | null {
  try {
    return normalizeCurrency(code);
  } catch {
    return null;
  }
}

function toItem(transaction: OfxTransaction, fallbackCurrency: string, accountId: string | null): ImportItem {
  const row = transaction.index;
  const field = (name: string) => {
    const value = transaction.fields.get(name)?.trim();
    return value ? value : null;
  };
  try {
    const written = transaction.statement.currency;
    const currency = written === null ? fallbackCurrency : knownCurrency(written);
    if (!currency) throw new RowProblem("BAD_CURRENCY", `statement currency CURDEF "${clip(written ?? "")}" is not an ISO-4217 code`);
    if (transaction.amountCurrency && transaction.amountCurrency !== currency) {
      throw new RowProblem(
        "FOREIGN_CURRENCY",
        `amount is in ${clip(transaction.amountCurrency, 8)}, not the statement currency ${currency}`,
      );
    }
    const ownAccount = transaction.statement.accountId;
    if (accountId !== null && ownAccount !== null && ownAccount !== accountId) {
      throw new RowProblem(
        "OTHER_ACCOUNT",
        `transaction belongs to account ${clip(ownAccount)}, not ${clip(accountId)}, the first in the file`,
      );
    }
    const dateText = field("DTPOSTED") ?? field("DTUSER");
    if (dateText === null) throw new RowProblem("MISSING_FIELD", "transaction has no DTPOSTED");
    const amountText = field("TRNAMT");
    if (amountText === null) throw new RowProblem("MISSING_FIELD", "transaction has no TRNAMT");
    const memo = field("MEMO");
    return rowOk({
      row,
      date: readDate(dateText),
      amountMinor: readAmount(amountText, currency),
      payee: field("NAME") ?? field("PAYEE") ?? memo ?? "",
      memo,
      bankTransactionId: field("FITID"),
    });
  } catch (error) {
    if (error instanceof RowProblem) return rowError(row, error.code, error.message);
    throw error;
  }
}

/**
 * Parses an OFX 1.x (SGML), OFX 2.x (XML) or QFX statement. Amounts are in the statement's CURDEF,
 * or in `fallbackCurrency` (the account's) when the file has none. A bad transaction becomes a
 * RowError for its STMTTRN position; only a file that is not OFX at all throws (BAD_USER_INPUT).
 * Bytes are decoded with the charset the file declares (see decodeStatement).
 */
export function parseOfx(content: string | Uint8Array, fallbackCurrency: string): OfxImport {
  const fallback = normalizeCurrency(fallbackCurrency);
  const document = readOfxDocument(typeof content === "string" ? content : decodeStatement(content).text);
  const first = document.statements[0];
  const accountId = first?.accountId ?? null;
  return {
    currency: first?.currency ?? null,
    accountId,
    items: (function* () {
      for (const transaction of document.transactions) yield toItem(transaction, fallback, accountId);
    })(),
  };
}
