/** The periods the performance chart offers, and the value-history interval each is drawn at. */
export const PERIODS = {
  "3M": { label: "3 months", months: 3, interval: "DAY" },
  "1Y": { label: "1 year", months: 12, interval: "WEEK" },
  "5Y": { label: "5 years", months: 60, interval: "MONTH" },
} as const;

export type PeriodKey = keyof typeof PERIODS;

/** A day ("2026-12-06") moved back by whole months, kept inside the target month ("2026-03-31" − 1 → "2026-02-28"). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** from..to (inclusive) of a period ending today. */
export function periodRange(today: string, key: PeriodKey): { from: string; to: string } {
  return { from: monthsBefore(today, PERIODS[key].months), to: today };
}
