import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays } from "../calendar-date.js";
import { nextOccurrenceAfter, nextOccurrenceOnOrAfter, occurrencesBetween } from "./index.js";
import { daysInMonth, isoOfDay, modelOccurrence, ruleDate, scheduleRule, windowDay } from "./schedule.arbitraries.js";

const FAR_FUTURE = "9999-12-31";
const windowOf = fc
  .tuple(windowDay, fc.integer({ min: -30, max: 3_000 }))
  .map(([from, span]) => [isoOfDay(from), isoOfDay(from + span)] as const);

describe("schedule properties", () => {
  it("occurrences are ascending, valid dates, inside the window and the rule, and at most limit", () => {
    fc.assert(
      fc.property(scheduleRule, windowOf, fc.integer({ min: 0, max: 1500 }), (rule, [from, to], limit) => {
        const found = occurrencesBetween(rule, from, to, limit);
        expect(found.length).toBeLessThanOrEqual(limit);
        found.forEach((date, i) => {
          expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
          if (i > 0) expect(date > found[i - 1]!).toBe(true);
          expect(date >= from && date <= to).toBe(true);
          expect(date >= rule.startDate && date <= (rule.endDate ?? "2100-12-31")).toBe(true);
        });
      }),
    );
  });

  it("occurrences are exactly the model's occurrences that fall in the window", () => {
    fc.assert(
      fc.property(scheduleRule, windowOf, (rule, [from, to]) => {
        const expected: string[] = [];
        for (let n = 0; ; n++) {
          const date = modelOccurrence(rule, n);
          if (date === null || date > to) break;
          if (date >= from) expected.push(date);
        }
        expect(occurrencesBetween(rule, from, to, Number.MAX_SAFE_INTEGER)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("monthly occurrences fall on min(dayOfMonth, days in that month)", () => {
    const monthlyRule = scheduleRule.map((rule) => ({ ...rule, frequency: "MONTHLY" as const }));
    fc.assert(
      fc.property(monthlyRule, windowOf, (rule, [from, to]) => {
        const wanted = rule.dayOfMonth ?? Number(rule.startDate.slice(8));
        for (const date of occurrencesBetween(rule, from, to)) {
          const [year, month, day] = date.split("-").map(Number) as [number, number, number];
          expect(day).toBe(Math.min(wanted, daysInMonth(year, month - 1)));
        }
      }),
    );
  });

  it("the next occurrence on or after d is the first occurrence from d onwards", () => {
    fc.assert(
      fc.property(scheduleRule, windowDay.map(isoOfDay), (rule, date) => {
        expect(nextOccurrenceOnOrAfter(rule, date)).toBe(occurrencesBetween(rule, date, FAR_FUTURE)[0] ?? null);
      }),
    );
  });

  it("the next occurrence after d is the next on or after the day after d", () => {
    fc.assert(
      fc.property(scheduleRule, ruleDate, (rule, date) => {
        expect(nextOccurrenceAfter(rule, date)).toBe(nextOccurrenceOnOrAfter(rule, addDays(date, 1)));
      }),
    );
  });

  it("adding days and taking them away returns the same date", () => {
    fc.assert(
      fc.property(ruleDate, fc.integer({ min: -50_000, max: 50_000 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
    );
  });
});
