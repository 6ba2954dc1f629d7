// Test support only: random rules and a deliberately naive model of the schedule to check against.
// The model uses plain Date.UTC arithmetic and no date-fns, so the two cannot share a mistake.
import fc from "fast-check";

import type { ScheduleRule } from "./schedule.rule.js";

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2100, 11, 31) / DAY_MS;

export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const daysInMonth = (year: number, monthIndex: number): number => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/** Days 1900-01-01..2100-12-31, biased towards month ends and leap days where clamping happens. */
export const ruleDay = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 0, max: 11 }), back: fc.integer({ min: 0, max: 3 }) })
    .map(({ year, month, back }) => Date.UTC(year, month + 1, -back) / DAY_MS),
);
export const ruleDate = ruleDay.map(isoOfDay);
/** Window bounds may lie outside the rule range. */
export const windowDay = fc.integer({ min: FIRST_DAY - 400, max: LAST_DAY + 400 });

export const scheduleRule: fc.Arbitrary<ScheduleRule> = fc
  .record({
    frequency: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
    interval: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 366 })),
    start: ruleDay,
    length: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    dayOfMonth: fc.option(fc.oneof(fc.integer({ min: 28, max: 31 }), fc.integer({ min: 1, max: 31 })), { nil: null }),
  })
  .map(({ frequency, interval, start, length, dayOfMonth }) => ({
    frequency,
    interval,
    startDate: isoOfDay(start),
    endDate: length === null ? null : isoOfDay(Math.min(start + length, LAST_DAY)),
    dayOfMonth: frequency === "MONTHLY" ? dayOfMonth : null,
  }));

/** Occurrence n of the rule, straight from the definition; null past endDate or 2100-12-31. */
export function modelOccurrence(rule: ScheduleRule, n: number): string | null {
  const start = new Date(`${rule.startDate}T00:00:00Z`);
  let date: Date;
  if (rule.frequency === "DAILY" || rule.frequency === "WEEKLY") {
    const step = rule.frequency === "DAILY" ? rule.interval : 7 * rule.interval;
    date = new Date(start.getTime() + n * step * DAY_MS);
  } else {
    const step = rule.frequency === "MONTHLY" ? rule.interval : 12 * rule.interval;
    const wanted = rule.dayOfMonth ?? start.getUTCDate();
    const clampedIn = (monthsFromStart: number) => {
      const y = start.getUTCFullYear();
      const m = start.getUTCMonth() + monthsFromStart;
      return new Date(Date.UTC(y, m, Math.min(wanted, daysInMonth(y, m))));
    };
    const skip = clampedIn(0) < start ? 1 : 0;
    date = clampedIn(skip + n * step);
  }
  const iso = date.toISOString().slice(0, 10);
  return iso > (rule.endDate ?? "2100-12-31") ? null : iso;
}
