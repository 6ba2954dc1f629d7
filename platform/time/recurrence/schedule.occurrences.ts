import type { UTCDate } from "@date-fns/utc";
import { addDays } from "date-fns/addDays";
import { isAfter } from "date-fns/isAfter";
import { max } from "date-fns/max";
import { min } from "date-fns/min";

import { badInput } from "../../errors/index.js";
import { formatCalendarDate, parseCalendarDate } from "../calendar-date.js";
import { cadenceFor } from "./schedule.cadence.js";
import type { ScheduleRule } from "./schedule.rule.js";
import { LATEST, parseSchedule } from "./schedule.validation.js";

export const DEFAULT_OCCURRENCE_LIMIT = 1000;

/** Every occurrence d with from <= d <= to, ascending, at most `limit` of them. */
export function occurrencesBetween(rule: ScheduleRule, from: string, to: string, limit: number = DEFAULT_OCCURRENCE_LIMIT): string[] {
  const windowStart = parseCalendarDate(from, "from");
  const windowEnd = parseCalendarDate(to, "to");
  if (!Number.isSafeInteger(limit) || limit < 0) {
    throw badInput("limit must be a whole number, zero or more", { field: "limit" });
  }
  return collect(rule, windowStart, windowEnd, limit);
}

/** The first occurrence on or after `date`, or null when the schedule has ended by then. */
export function nextOccurrenceOnOrAfter(rule: ScheduleRule, date: string): string | null {
  return collect(rule, parseCalendarDate(date, "date"), LATEST, 1)[0] ?? null;
}

/** The first occurrence strictly after `date`, or null when the schedule has ended by then. */
export function nextOccurrenceAfter(rule: ScheduleRule, date: string): string | null {
  return collect(rule, addDays(parseCalendarDate(date, "date"), 1), LATEST, 1)[0] ?? null;
}

function collect(rule: ScheduleRule, from: UTCDate, to: UTCDate, limit: number): string[] {
  const schedule = parseSchedule(rule);
  const cadence = cadenceFor(schedule.rule, schedule.start);
  const first = max([from, schedule.start]);
  const last = min([to, schedule.last]);
  const found: string[] = [];
  if (isAfter(first, last)) return found;
  for (let n = cadence.firstIndexOnOrAfter(first); found.length < limit; n++) {
    const occurrence = cadence.occurrence(n);
    if (isAfter(occurrence, last)) break;
    found.push(formatCalendarDate(occurrence));
  }
  return found;
}
