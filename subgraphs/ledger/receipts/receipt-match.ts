/** A transaction a receipt may be the proof of: same currency, amount within 1 %, date within 3 days. */
export const MATCH_AMOUNT_PERCENT = 1n;
export const MATCH_DAYS = 3;

export interface MatchSubject {
  /** Signed minor units. */
  amountMinor: bigint;
  currency: string;
  /** YYYY-MM-DD. */
  date: string;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const abs = (n: bigint) => (n < 0n ? -n : n);

export const dayDistance = (a: string, b: string) => Math.abs(dayNumber(a) - dayNumber(b));

/** |candidate − receipt| ≤ 1 % of the receipt's amount, in integers (no rounding), same sign and currency. */
export function isReceiptMatch(receipt: MatchSubject, candidate: MatchSubject): boolean {
  if (receipt.currency !== candidate.currency) return false;
  if (receipt.amountMinor < 0n !== candidate.amountMinor < 0n) return false;
  if (abs(candidate.amountMinor - receipt.amountMinor) * 100n > abs(receipt.amountMinor) * MATCH_AMOUNT_PERCENT) return false;
  return dayDistance(receipt.date, candidate.date) <= MATCH_DAYS;
}

/** The best match: the nearest date, then the nearest amount, then the earliest id (stable). */
export function bestReceiptMatch<T extends MatchSubject & { id: string }>(receipt: MatchSubject, candidates: readonly T[]): T | null {
  const matches = candidates.filter((c) => isReceiptMatch(receipt, c));
  matches.sort(
    (a, b) =>
      dayDistance(receipt.date, a.date) - dayDistance(receipt.date, b.date) ||
      Number(abs(a.amountMinor - receipt.amountMinor) - abs(b.amountMinor - receipt.amountMinor)) ||
      a.id.localeCompare(b.id),
  );
  return matches[0] ?? null;
}
