/**
 * One posted transaction as insights' pattern detectors see it: already in the user's base
 * currency, with the payee normalized to a merchant key so "SQ *BLUE BOTTLE 1234" and
 * "Blue Bottle #88" are one merchant.
 */
export type HistoryKind = "INCOME" | "EXPENSE";

export interface HistoryItem {
  readonly transactionId: string;
  readonly accountId: string;
  /** YYYY-MM-DD, the day it was booked. */
  readonly date: string;
  /** The payee as the bank wrote it, for explanations. */
  readonly payee: string;
  readonly merchantKey: string;
  readonly categoryId: string | null;
  /** Signed minor units in the base currency; negative is money out. */
  readonly amountMinor: bigint;
  readonly kind: HistoryKind;
}

/**
 * The one order every detector reads history in: by date, then transaction id. Input order never
 * matters, and two transactions of one day are always "before" each other the same way.
 */
export function compareHistoryItems(a: HistoryItem, b: HistoryItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  return 0;
}

export function inHistoryOrder(items: readonly HistoryItem[]): HistoryItem[] {
  return [...items].sort(compareHistoryItems);
}

/** The size of an amount, whichever way the money went. */
export function magnitude(amountMinor: bigint): bigint {
  return amountMinor < 0n ? -amountMinor : amountMinor;
}
