import { normalizeCurrency } from "../../../../platform/money/index.js";
import { decimalToMinor } from "./amount-text.js";
import { all, readCamtStatements, text, type XmlNode, type XmlValue } from "./camt-document.js";
import { type ImportItem, rowError, rowOk, RowProblem } from "./import-row.js";
import { calendarDay, clip } from "./statement-date.js";

export interface CamtImport {
  /** Acct/Ccy of the first statement; null when absent. */
  currency: string | null;
  /** IBAN (or other id) of the first statement's account; null when absent. */
  accountId: string | null;
  items: Generator<ImportItem>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const AMOUNT = /^(\d+)(?:\.(\d+))?$/;

function accountOf(statement: XmlValue): string | null {
  return text(statement, "Acct", "Id", "IBAN") ?? text(statement, "Acct", "Id", "Othr", "Id");
}

function readDate(entry: XmlValue, element: string): string | null {
  const written = text(entry, element, "Dt") ?? text(entry, element, "DtTm");
  if (written === null) return null;
  const match = DATE.exec(written);
  if (!match) throw new RowProblem("BAD_DATE", `${element} "${clip(written)}" is not an ISO date`);
  return calendarDay(Number(match[1]), Number(match[2]), Number(match[3]), written);
}

/** Status BOOK (v2-v7 as text, v8+ as `<Sts><Cd>BOOK</Cd></Sts>`); pending entries may still change. */
const entryStatus = (entry: XmlValue) => text(entry, "Sts", "Cd") ?? text(entry, "Sts");

/** The other party: the creditor when money goes out, the debtor when it comes in (v2: `Cdtr/Nm`; v8+: `Cdtr/Pty/Nm`). */
function counterparty(details: XmlValue, debit: boolean): string | null {
  const role = debit ? "Cdtr" : "Dbtr";
  return text(details, "RltdPties", role, "Pty", "Nm") ?? text(details, "RltdPties", role, "Nm");
}

/** Unstructured lines, then structured creditor references (RF... / ISR), each once. */
function remittance(details: XmlValue[]): string | null {
  const parts: string[] = [];
  for (const detail of details) {
    const info = all(detail, "RmtInf")[0];
    for (const line of all(info, "Ustrd")) if (typeof line === "string" && line.trim()) parts.push(line.trim());
    for (const structured of all(info, "Strd")) {
      const ref = text(structured, "CdtrRefInf", "Ref");
      if (ref) parts.push(`Ref ${ref}`);
      const extra = text(structured, "AddtlRmtInf");
      if (extra) parts.push(extra);
    }
  }
  const unique = [...new Set(parts)];
  return unique.length > 0 ? unique.join(" · ") : null;
}

function toItem(row: number, entry: XmlNode, statement: XmlNode, currency: string, firstAccount: string | null): ImportItem {
  try {
    const ownAccount = accountOf(statement);
    if (firstAccount !== null && ownAccount !== null && ownAccount !== firstAccount) {
      throw new RowProblem(
        "OTHER_ACCOUNT",
        `entry belongs to account ${clip(ownAccount)}, not ${clip(firstAccount)}, the first in the file`,
      );
    }
    const status = entryStatus(entry);
    if (status !== null && status !== "BOOK")
      throw new RowProblem("UNSUPPORTED_ROW", `entry status ${clip(status, 8)} (not booked) is not imported`);
    const amountText = text(entry, "Amt");
    if (amountText === null) throw new RowProblem("MISSING_FIELD", "entry has no Amt");
    if (!Intl.supportedValuesOf("currency").includes(currency)) {
      throw new RowProblem("BAD_CURRENCY", `statement currency "${clip(currency, 8)}" is not an ISO-4217 code`);
    }
    const amountCurrency = text(entry, "Amt", "@Ccy")?.toUpperCase();
    if (amountCurrency !== undefined && amountCurrency !== currency) {
      throw new RowProblem("FOREIGN_CURRENCY", `amount is in ${clip(amountCurrency, 8)}, not the account's ${currency}`);
    }
    const indicator = text(entry, "CdtDbtInd");
    if (indicator !== "CRDT" && indicator !== "DBIT") throw new RowProblem("MISSING_FIELD", "entry has no CdtDbtInd of CRDT or DBIT");
    const match = AMOUNT.exec(amountText);
    if (!match) throw new RowProblem("BAD_AMOUNT", `Amt "${clip(amountText)}" is not a decimal amount`);
    const magnitude = decimalToMinor(
      match[1]!,
      match[2] ?? "",
      currency,
      (why) => new RowProblem("BAD_AMOUNT", `Amt "${clip(amountText)}" ${why}`),
    );
    // A reversal (RvslInd true) books the opposite of what its indicator says.
    const reversal = text(entry, "RvslInd") === "true";
    const debit = (indicator === "DBIT") !== reversal;
    const booked = readDate(entry, "BookgDt");
    const valued = readDate(entry, "ValDt");
    const date = booked ?? valued;
    if (date === null) throw new RowProblem("MISSING_FIELD", "entry has neither BookgDt nor ValDt");
    const details = all(all(entry, "NtryDtls")[0], "TxDtls");
    const first = details[0];
    const info = remittance(details);
    const additional = text(entry, "AddtlNtryInf");
    const memo = [info, valued && valued !== date ? `value date ${valued}` : null].filter(Boolean).join(" · ");
    return rowOk({
      row,
      date,
      amountMinor: debit ? -magnitude : magnitude,
      payee: counterparty(first, debit) ?? additional ?? info ?? "",
      memo: memo === "" ? additional : memo,
      bankTransactionId: text(entry, "AcctSvcrRef") ?? text(first, "Refs", "AcctSvcrRef"),
    });
  } catch (error) {
    if (error instanceof RowProblem) return rowError(row, error.code, error.message);
    throw error;
  }
}

/**
 * Parses a CAMT.053 statement file (one or more `Stmt`, each for an account). Entries of the first
 * statement's account are imported; entries of other accounts are OTHER_ACCOUNT rows, as for a
 * multi-account OFX. `row` is the n-th `Ntry` in the file. A file that is not CAMT.053, is
 * malformed or truncated, or declares a DOCTYPE is refused whole (BAD_USER_INPUT).
 */
export function parseCamt(content: string, fallbackCurrency: string): CamtImport {
  const fallback = normalizeCurrency(fallbackCurrency);
  const statements = readCamtStatements(content);
  const first = statements[0];
  const firstAccount = first ? accountOf(first) : null;
  const currencyOf = (statement: XmlNode) => text(statement, "Acct", "Ccy")?.toUpperCase() ?? null;
  return {
    currency: first ? currencyOf(first) : null,
    accountId: firstAccount,
    items: (function* () {
      let row = 0;
      for (const statement of statements) {
        const currency = currencyOf(statement) ?? fallback;
        for (const entry of all(statement, "Ntry")) {
          row++;
          if (typeof entry !== "object" || Array.isArray(entry)) {
            yield rowError(row, "BAD_ROW", "entry is empty");
            continue;
          }
          yield toItem(row, entry, statement, currency, firstAccount);
        }
      }
    })(),
  };
}
