import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { nextPeriod, periodContaining, periodsBetween, previousPeriod } from "./index.js";
import { dayOfIso, isoOfDay, modelPeriodContaining, periodKind, periodPrefs, someDay } from "./periods.arbitraries.js";

const window = fc
  .tuple(someDay, fc.integer({ min: 0, max: 2_000 }))
  .map(([from, span]) => [isoOfDay(from), isoOfDay(from + span)] as const);

describe("period properties", () => {
  it("the period containing a date is the model's, and contains the date", () => {
    fc.assert(
      fc.property(periodKind, someDay, periodPrefs, (kind, day, prefs) => {
        const found = periodContaining(kind, isoOfDay(day), prefs);
        expect(found).toEqual(modelPeriodContaining(kind, day, prefs));
        expect(found.start <= isoOfDay(day) && isoOfDay(day) <= found.end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("periods between two dates tile them: no gaps, no overlaps, every day covered", () => {
    fc.assert(
      fc.property(periodKind, window, periodPrefs, (kind, [from, to], prefs) => {
        const found = periodsBetween(kind, from, to, prefs, 10_000);
        expect(found[0]!.start <= from).toBe(true);
        expect(found.at(-1)!.end >= to).toBe(true);
        // Every listed period overlaps the window, so none is spare at either end.
        expect(found[0]!.end >= from && found.at(-1)!.start <= to).toBe(true);
        found.forEach((period, i) => {
          expect(dayOfIso(period.end) - dayOfIso(period.start) + 1).toBe(period.days);
          if (i > 0) expect(dayOfIso(period.start)).toBe(dayOfIso(found[i - 1]!.end) + 1);
        });
      }),
    );
  });

  it("every day in a period belongs to that same period", () => {
    fc.assert(
      fc.property(periodKind, someDay, periodPrefs, fc.nat(), (kind, day, prefs, pick) => {
        const period = periodContaining(kind, isoOfDay(day), prefs);
        const inside = isoOfDay(dayOfIso(period.start) + (pick % period.days));
        expect(periodContaining(kind, inside, prefs)).toEqual(period);
      }),
    );
  });

  it("next and previous are inverse, adjacent, and agree with periodContaining", () => {
    fc.assert(
      fc.property(periodKind, someDay, periodPrefs, (kind, day, prefs) => {
        const period = periodContaining(kind, isoOfDay(day), prefs);
        const next = nextPeriod(kind, period, prefs);
        const previous = previousPeriod(kind, period, prefs);
        expect(previousPeriod(kind, next, prefs)).toEqual(period);
        expect(nextPeriod(kind, previous, prefs)).toEqual(period);
        expect(next).toEqual(periodContaining(kind, isoOfDay(dayOfIso(period.end) + 1), prefs));
        expect(dayOfIso(previous.end)).toBe(dayOfIso(period.start) - 1);
      }),
    );
  });
});
