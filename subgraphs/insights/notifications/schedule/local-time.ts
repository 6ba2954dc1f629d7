/**
 * Wall-clock time in an IANA zone, through Intl (the platform has dates but no zoned times). The
 * one subtle part is turning a local time back into an instant around DST changes; see
 * {@link instantAt}.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formats.set(timeZone, format);
  }
  return format;
}

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  day: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function isTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function parts(instant: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const p = parts(instant, timeZone);
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
    weekday: WEEKDAYS.indexOf(p.weekday!) + 1,
  };
}

/**
 * The instant the zone's clocks show `minutes` past midnight on `day`. A time skipped by a
 * spring-forward gap maps to the same distance past the gap (02:30 → 03:30); a time shown twice
 * in the autumn maps to its first showing.
 */
export function instantAt(day: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  // The offset before the change, then after it: one of the two fits unless the time is in a gap.
  const early = wall - offsetMs(new Date(wall - 86_400_000), timeZone);
  if (offsetMs(new Date(early), timeZone) === wall - early) return new Date(early);
  const late = wall - offsetMs(new Date(wall + 86_400_000), timeZone);
  if (offsetMs(new Date(late), timeZone) === wall - late) return new Date(late);
  // In a gap: the clock jumped over `wall`; keep the distance from midnight on the post-gap offset.
  return new Date(early);
}

/** `day` plus `n` days (calendar arithmetic, no zone). */
export function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** "HH:MM" → minutes since midnight; null for anything else. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
