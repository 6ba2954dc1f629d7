// Test support only: history items written briefly, and a stand-in for the payee normalizer
// (lowercase, digits and punctuation gone) so "NETFLIX.COM 8841" and "Netflix.com" are one merchant.
import type { HistoryItem, HistoryKind } from "../../history/history-item.js";

export function merchantKeyOf(payee: string): string {
  return payee
    .toLowerCase()
    .replace(/[^a-z ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface ItemSpec {
  id: string;
  date: string;
  payee: string;
  /** Signed minor units; negative is money out. */
  amount: bigint;
  kind?: HistoryKind;
  category?: string | null;
  account?: string;
}

export function item({ id, date, payee, amount, kind, category = null, account = "acc-1" }: ItemSpec): HistoryItem {
  return {
    transactionId: id,
    accountId: account,
    date,
    payee,
    merchantKey: merchantKeyOf(payee),
    categoryId: category,
    amountMinor: amount,
    kind: kind ?? (amount < 0n ? "EXPENSE" : "INCOME"),
  };
}

/** One charge per date, ids `<prefix>-0`, `<prefix>-1`, …; amounts cycle through `amounts`. */
export function charges(
  prefix: string,
  payee: string,
  dates: readonly string[],
  amounts: readonly bigint[],
  category: string | null = null,
): HistoryItem[] {
  return dates.map((date, i) => item({ id: `${prefix}-${i}`, date, payee, amount: amounts[i % amounts.length]!, category }));
}

/** `count` dates from `start`, `months` apart, clamped to month ends like a biller does. */
export function monthlyDates(start: string, count: number, months = 1): string[] {
  const [year, month, day] = start.split("-").map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, k) => {
    const index = year * 12 + month - 1 + k * months;
    const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
  });
}

export function dailyDates(start: string, count: number, everyDays: number): string[] {
  const from = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, k) => new Date(from + k * everyDays * 86_400_000).toISOString().slice(0, 10));
}
