import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { dayOfIso, goalScenario, isoOfDay, modelDueFraction, modelMonths } from "./group-goal-progress.arbitraries.js";
import { groupGoalProgress, type GroupGoalStatus } from "./group-goal-progress.js";

const STATUS_ORDER: Record<GroupGoalStatus, number> = { BEHIND: 0, ON_TRACK: 1, REACHED: 2 };

describe("group goal progress properties", () => {
  it("remaining and saved cover the target; REACHED exactly when saved ≥ target; the percent is floored", () => {
    fc.assert(
      fc.property(goalScenario, ({ figures, today }) => {
        const progress = groupGoalProgress(figures, today);
        const { targetMinor, savedMinor } = figures;
        expect(progress.remainingMinor >= 0n).toBe(true);
        expect(progress.remainingMinor + savedMinor >= targetMinor).toBe(true);
        expect(progress.remainingMinor === 0n).toBe(savedMinor >= targetMinor);
        expect(progress.status === "REACHED").toBe(savedMinor >= targetMinor);
        expect(progress.progressPercent >= 100).toBe(savedMinor >= targetMinor);
        expect(BigInt(Math.round(progress.progressPercent * 10))).toBe((savedMinor * 1000n) / targetMinor);
      }),
      { numRuns: 500 },
    );
  });

  it("paying the monthly figure each month, every member, covers what remains, and one unit less would not", () => {
    fc.assert(
      fc.property(goalScenario, ({ figures, today }) => {
        const { requiredPerMemberPerMonthMinor: required, remainingMinor } = groupGoalProgress(figures, today);
        if (figures.deadline === null) {
          expect(required).toBeNull();
          return;
        }
        const perMonth = BigInt(modelMonths(today, figures.deadline) * Math.max(1, figures.activeMembers));
        expect(required! * perMonth >= remainingMinor).toBe(true);
        if (remainingMinor > 0n) expect((required! - 1n) * perMonth < remainingMinor).toBe(true);
        else expect(required).toBe(0n);
      }),
      { numRuns: 500 },
    );
  });

  it("below target, ON_TRACK exactly when saved reaches the straight-line share due by today", () => {
    fc.assert(
      fc.property(goalScenario, ({ figures, today }) => {
        const { status } = groupGoalProgress(figures, today);
        if (figures.savedMinor >= figures.targetMinor) return;
        if (figures.deadline === null) {
          expect(status).toBe("ON_TRACK");
          return;
        }
        const [due, of] = modelDueFraction(figures.createdDay, figures.deadline, today);
        expect(status).toBe(figures.savedMinor * BigInt(of) >= figures.targetMinor * BigInt(due) ? "ON_TRACK" : "BEHIND");
      }),
      { numRuns: 500 },
    );
  });

  it("saving more never worsens the status; a later day with the same savings never improves it", () => {
    fc.assert(
      fc.property(
        goalScenario,
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 400 }),
        ({ figures, today }, more, later) => {
          const now = STATUS_ORDER[groupGoalProgress(figures, today).status];
          expect(
            STATUS_ORDER[groupGoalProgress({ ...figures, savedMinor: figures.savedMinor + more }, today).status],
          ).toBeGreaterThanOrEqual(now);
          expect(STATUS_ORDER[groupGoalProgress(figures, isoOfDay(dayOfIso(today) + later)).status]).toBeLessThanOrEqual(now);
        },
      ),
      { numRuns: 300 },
    );
  });
});
