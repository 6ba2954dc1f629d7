/**
 * Dates as whole days since 1970-01-01, for the detectors' inner loops: comparing and subtracting
 * numbers instead of parsing dates for every pair of transactions. The input is a valid
 * 'YYYY-MM-DD' from the ledger, so no checking happens here.
 */
const MS_PER_DAY = 86_400_000;

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of a date: the calendar month it falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `offset` months after 'YYYY-MM' (negative for earlier). */
export function shiftMonth(month: string, offset: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
