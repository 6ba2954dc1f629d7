// Test support only: random group goals, days as plain UTC day numbers (no date-fns), and naive
// models of the calendar months and the straight line to check against.
import fc from "fast-check";

import type { GroupGoalFigures } from "./group-goal-progress.js";

const DAY_MS = 86_400_000;
export const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

const FIRST_DAY = Date.UTC(1990, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2090, 11, 31) / DAY_MS;

export interface GoalScenario {
  figures: GroupGoalFigures;
  today: string;
}

/** Targets and savings near each other (where the status turns) and far apart; days around the deadline. */
export const goalScenario: fc.Arbitrary<GoalScenario> = fc
  .record({
    targetMinor: fc.oneof(fc.bigInt({ min: 1n, max: 100n }), fc.bigInt({ min: 1n, max: 10n ** 15n })),
    savedPermille: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 990, max: 1010 })),
    createdDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    span: fc.option(fc.oneof(fc.integer({ min: -30, max: 3 }), fc.integer({ min: 0, max: 3000 })), { nil: null }),
    offset: fc.integer({ min: -40, max: 3200 }),
    activeMembers: fc.integer({ min: 0, max: 60 }),
  })
  .map(({ targetMinor, savedPermille, createdDay, span, offset, activeMembers }) => ({
    figures: {
      targetMinor,
      savedMinor: (targetMinor * BigInt(savedPermille)) / 1000n,
      createdDay: isoOfDay(createdDay),
      deadline: span === null ? null : isoOfDay(createdDay + span),
      activeMembers,
    },
    today: isoOfDay(createdDay + offset),
  }));

/** Calendar months from today's month to the deadline's, both counted, at least 1. */
export function modelMonths(today: string, deadline: string): number {
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  return Math.max(1, month(deadline) - month(today) + 1);
}

/** The share of the target due by today as a fraction [numerator, denominator] of the target. */
export function modelDueFraction(createdDay: string, deadline: string, today: string): [number, number] {
  const [start, end, now] = [dayOfIso(createdDay), dayOfIso(deadline), dayOfIso(today)];
  if (now >= end) return [1, 1];
  if (now <= start) return [0, 1];
  return [now - start, end - start];
}
