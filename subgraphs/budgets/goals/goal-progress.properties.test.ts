import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { autoSaveAmount } from "./auto-save-amount.js";
import { daysBetween, goalProgress, monthsUntil, statusOf } from "./goal-progress.js";

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1990, 0, 1) / DAY_MS;
const LAST = Date.UTC(2090, 11, 31) / DAY_MS;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const day = fc.integer({ min: FIRST, max: LAST });
const minor = (max: bigint) => fc.bigInt({ min: 0n, max });

/** A goal created on some day, due some days later (or without a date), viewed on some day. */
const scenario = fc
  .record({
    targetMinor: fc.bigInt({ min: 1n, max: 10n ** 15n }),
    saved: minor(2n * 10n ** 15n),
    start: day,
    length: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: null }),
    offset: fc.integer({ min: -100, max: 4_000 }),
  })
  .map(({ targetMinor, saved, start, length, offset }) => ({
    figures: { targetMinor, savedMinor: saved, startDate: iso(start), targetDate: length === null ? null : iso(start + length) },
    today: iso(start + offset),
  }));

describe("goal progress properties", () => {
  it("remaining + what counts towards the target = target; remaining is never negative", () => {
    fc.assert(
      fc.property(scenario, ({ figures, today }) => {
        const p = goalProgress(figures, today);
        const counted = figures.savedMinor < figures.targetMinor ? figures.savedMinor : figures.targetMinor;
        expect(p.remainingMinor >= 0n).toBe(true);
        expect(p.remainingMinor + counted).toBe(figures.targetMinor);
      }),
    );
  });

  it("the monthly amount is the smallest whole minor unit that covers what remains in time", () => {
    fc.assert(
      fc.property(scenario, ({ figures, today }) => {
        const p = goalProgress(figures, today);
        if (figures.targetDate === null) {
          expect(p.requiredPerMonthMinor).toBeNull();
          return;
        }
        const months = BigInt(p.monthsRemaining!);
        expect(p.monthsRemaining! >= 1).toBe(true);
        expect(p.requiredPerMonthMinor! * months >= p.remainingMinor).toBe(true);
        if (p.requiredPerMonthMinor! > 0n) expect((p.requiredPerMonthMinor! - 1n) * months < p.remainingMinor).toBe(true);
      }),
    );
  });

  it("months remaining is the calendar-month distance, at least 1", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [x, y] = [new Date(a * DAY_MS), new Date(b * DAY_MS)];
        const distance = (y.getUTCFullYear() - x.getUTCFullYear()) * 12 + y.getUTCMonth() - x.getUTCMonth();
        expect(monthsUntil(iso(a), iso(b))).toBe(Math.max(1, distance));
      }),
    );
  });

  it("REACHED exactly when saved ≥ target, and percent reads ≥ 100 exactly then", () => {
    fc.assert(
      fc.property(scenario, ({ figures, today }) => {
        const p = goalProgress(figures, today);
        const reached = figures.savedMinor >= figures.targetMinor;
        expect(p.status === "REACHED").toBe(reached);
        expect(p.percent >= 100).toBe(reached);
        expect(p.percent >= 0).toBe(true);
      }),
    );
  });

  it("never BEHIND without a date; always BEHIND past a missed deadline; saving more never makes it worse", () => {
    const rank = { BEHIND: 0, ON_TRACK: 1, REACHED: 2 } as const;
    fc.assert(
      fc.property(scenario, minor(10n ** 15n), ({ figures, today }, more) => {
        const status = statusOf(figures, today);
        if (figures.targetDate === null) expect(status).not.toBe("BEHIND");
        else if (daysBetween(figures.targetDate, today) >= 0 && figures.savedMinor < figures.targetMinor) expect(status).toBe("BEHIND");
        expect(rank[statusOf({ ...figures, savedMinor: figures.savedMinor + more }, today)] >= rank[status]).toBe(true);
      }),
    );
  });

  it("ON_TRACK matches the straight-line share due by today, compared exactly", () => {
    fc.assert(
      fc.property(scenario, ({ figures, today }) => {
        fc.pre(figures.targetDate !== null && figures.savedMinor < figures.targetMinor);
        const total = daysBetween(figures.startDate, figures.targetDate!);
        fc.pre(total > 0);
        const elapsed = Math.min(Math.max(daysBetween(figures.startDate, today), 0), total);
        // The due share as an exact fraction: saved ≥ target × elapsed / total.
        const onTrack = figures.savedMinor * BigInt(total) >= figures.targetMinor * BigInt(elapsed);
        expect(statusOf(figures, today)).toBe(onTrack ? "ON_TRACK" : "BEHIND");
      }),
    );
  });
});

describe("auto-save properties", () => {
  it("a percentage is within half a minor unit of the exact share, and never more than the income", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.bigInt({ min: 1n, max: 10n ** 17n }), (bp, income) => {
        const saved = autoSaveAmount({ mode: "PERCENT", percentBasisPoints: bp, amountMinor: null }, income);
        // |saved − income × bp / 10000| ≤ 1/2, in integers.
        const error = saved * 10_000n - income * BigInt(bp);
        expect(2n * (error < 0n ? -error : error) <= 10_000n).toBe(true);
        expect(saved >= 0n && saved <= income).toBe(true);
      }),
    );
  });

  it("a fixed amount is the smaller of the amount and the income", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (amount, income) => {
        expect(autoSaveAmount({ mode: "FIXED", percentBasisPoints: null, amountMinor: amount }, income)).toBe(
          amount < income ? amount : income,
        );
      }),
    );
  });
});
