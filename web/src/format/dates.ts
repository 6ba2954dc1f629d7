const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, found);
  }
  return found;
}

/**
 * A calendar date from the API ("2026-12-06", no time zone: a ledger date is a day, not an
 * instant) in the user's locale: it is shown as that same day everywhere.
 */
export function formatDay(day: string, locale: string, style: "short" | "medium" | "long" = "medium"): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return formatter(locale, "UTC", { dateStyle: style }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant from the API (ISO date-time) in the user's time zone and locale. */
export function formatInstant(iso: string, locale: string, timeZone: string, style: "short" | "medium" = "medium"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, timeZone, { dateStyle: style, timeStyle: "short" }).format(date);
}

/** "2026-12" → "December 2026" in the user's locale. */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return formatter(locale, "UTC", { month: "long", year: "numeric" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Today's date in the user's time zone, as the API writes days. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = formatter("en-CA", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The first and last day of the month `day` falls in ("2026-12-06" → 2026-12-01 … 2026-12-31). */
export function monthOf(day: string): { from: string; to: string } {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}
