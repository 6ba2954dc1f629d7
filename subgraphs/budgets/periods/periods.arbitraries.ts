// Test support only: random inputs and a deliberately naive model of period alignment to check
// against. The model walks day by day with plain Date.UTC arithmetic and no date-fns, so the two
// cannot share a mistake.
import fc from "fast-check";

import type { PeriodFigures } from "./carry-chain.js";
import type { Period, PeriodKind, PeriodPrefs } from "./periods.js";

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2100, 11, 31) / DAY_MS;

export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

export const periodKind = fc.constantFrom<PeriodKind>("WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY");
export const periodPrefs: fc.Arbitrary<PeriodPrefs> = fc.record({
  firstDayOfWeek: fc.integer({ min: 1, max: 7 }),
  // Biased towards 1 and the late days, where month lengths and leap Februaries bite.
  monthStartDay: fc.oneof(fc.constantFrom(1, 25, 28), fc.integer({ min: 1, max: 28 })),
});
/** Days 1900-01-01..2100-12-31, biased towards the end of February. */
export const someDay = fc.oneof(
  fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), back: fc.integer({ min: 0, max: 3 }) })
    .map(({ year, back }) => Date.UTC(year, 2, -back) / DAY_MS),
);

function isModelStart(kind: PeriodKind, day: number, prefs: PeriodPrefs): boolean {
  const date = new Date(day * DAY_MS);
  if (kind === "WEEKLY") return date.getUTCDay() === prefs.firstDayOfWeek % 7;
  const step = kind === "MONTHLY" ? 1 : kind === "QUARTERLY" ? 3 : 12;
  return date.getUTCDate() === prefs.monthStartDay && date.getUTCMonth() % step === 0;
}

/** The period containing `day`: back to the nearest start day, forward to the day before the next. */
export function modelPeriodContaining(kind: PeriodKind, day: number, prefs: PeriodPrefs): Period {
  let start = day;
  while (!isModelStart(kind, start, prefs)) start--;
  let next = start + 1;
  while (!isModelStart(kind, next, prefs)) next++;
  return { start: isoOfDay(start), end: isoOfDay(next - 1), days: next - start };
}

const minor = (min: number, max: number) => fc.integer({ min, max }).map(BigInt);

/** 1..24 contiguous monthly periods, each with its own budget and spending (refunds included). */
export const figuresChain: fc.Arbitrary<PeriodFigures[]> = fc
  .record({
    startDay: someDay,
    monthStartDay: fc.integer({ min: 1, max: 28 }),
    amounts: fc.array(fc.tuple(minor(0, 1_000_000_00), minor(-50_000_00, 2_000_000_00)), { minLength: 1, maxLength: 24 }),
  })
  .map(({ startDay, monthStartDay, amounts }) => {
    const prefs = { firstDayOfWeek: 1, monthStartDay };
    let day = startDay;
    return amounts.map(([budgetedMinor, spentMinor]) => {
      const period = modelPeriodContaining("MONTHLY", day, prefs);
      day = dayOfIso(period.end) + 1;
      return { period, budgetedMinor, spentMinor };
    });
  });
