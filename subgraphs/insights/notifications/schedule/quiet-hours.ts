import { instantAt, localTime, parseClock, plusDays } from "./local-time.js";

export interface QuietHours {
  /** Local "HH:MM". */
  start: string;
  end: string;
}

/**
 * When quiet hours covering `now` end, or null when `now` is outside them (or they are empty or
 * malformed). A window may cross midnight (22:00–07:00); the end is the next local `end` after now.
 */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === null || end === null || start === end) return null;
  const local = localTime(now, timeZone);
  const inside = start < end ? local.minutes >= start && local.minutes < end : local.minutes >= start || local.minutes < end;
  if (!inside) return null;
  for (let days = 0; days <= 2; days++) {
    const at = instantAt(plusDays(local.day, days), end, timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  return null;
}
