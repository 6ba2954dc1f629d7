import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays } from "../../../platform/time/index.js";
import { cashflowInput } from "./cashflow.arbitraries.js";
import { projectCashflow } from "./cashflow.projection.js";
import { averageByWeekday } from "./discretionary.average.js";

describe("cash-flow projection properties", () => {
  it("runs one day at a time from tomorrow, each day's balance the day before's plus what moved it", () => {
    fc.assert(
      fc.property(cashflowInput, (input) => {
        const projection = projectCashflow(input);
        for (const account of projection.accounts) {
          expect(account.series.map((d) => d.date)).toEqual(Array.from({ length: input.days }, (_, i) => addDays(input.today, i + 1)));
          let previous = account.startingBalanceMinor;
          for (const day of account.series) {
            expect(day.balanceMinor).toBe(previous + day.scheduledMinor + day.discretionaryMinor);
            previous = day.balanceMinor;
          }
          const counted = account.flows.reduce((sum, f) => sum + f.amountMinor, 0n);
          expect(account.series.reduce((sum, d) => sum + d.scheduledMinor, 0n)).toBe(counted);
          expect(account.flows.every((f) => f.date > input.today && f.date <= projection.to)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("totals each currency's accounts day by day, with the currency's unassigned flows from their day on", () => {
    fc.assert(
      fc.property(cashflowInput, (input) => {
        const projection = projectCashflow(input);
        const inWindow = (input.unassigned ?? []).filter((f) => f.date > input.today && f.date <= projection.to);
        expect(projection.totals.map((t) => t.currency)).toEqual(
          [...new Set([...input.accounts.map((a) => a.currency), ...inWindow.map((f) => f.currency)])].sort(),
        );
        for (const total of projection.totals) {
          const members = projection.accounts.filter((a) => a.currency === total.currency);
          const own = inWindow.filter((f) => f.currency === total.currency);
          expect(total.unassigned).toHaveLength(own.length);
          total.series.forEach((day, i) => {
            const through = own.filter((f) => f.date <= day.date).reduce((sum, f) => sum + f.amountMinor, 0n);
            const on = own.filter((f) => f.date === day.date).reduce((sum, f) => sum + f.amountMinor, 0n);
            expect(day.balanceMinor).toBe(members.reduce((sum, a) => sum + a.series[i]!.balanceMinor, through));
            expect(day.scheduledMinor + day.discretionaryMinor).toBe(
              members.reduce((sum, a) => sum + a.series[i]!.scheduledMinor + a.series[i]!.discretionaryMinor, on),
            );
          });
        }
        // Unassigned flows never move an account.
        const without = projectCashflow({ ...input, unassigned: [] });
        expect(projection.accounts).toEqual(without.accounts);
        expect(projection.warnings).toEqual(without.warnings);
      }),
      { numRuns: 300 },
    );
  });

  it("finds the lowest balance: no day lower, and the earliest day that low", () => {
    fc.assert(
      fc.property(cashflowInput, (input) => {
        const projection = projectCashflow(input);
        for (const { series, lowest } of [...projection.accounts, ...projection.totals]) {
          expect(series.every((day) => lowest.balanceMinor <= day.balanceMinor)).toBe(true);
          expect(series.find((day) => day.balanceMinor === lowest.balanceMinor)!.date).toBe(lowest.date);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("warns exactly about the days an account that warns goes below zero", () => {
    fc.assert(
      fc.property(cashflowInput, (input) => {
        const projection = projectCashflow(input);
        for (const account of projection.accounts) {
          const warns = input.accounts.find((a) => a.accountId === account.accountId)!.warnBelowZero !== false;
          const below = account.series.filter((day) => day.balanceMinor < 0n).map((day) => day.date);
          const warning = projection.warnings.find((w) => w.accountId === account.accountId);
          if (!warns || below.length === 0) {
            expect(warning).toBeUndefined();
            continue;
          }
          expect(warning!.firstDate).toBe(below[0]);
          expect(warning!.daysBelowZero).toBe(below.length);
          expect(warning!.lowest).toEqual(account.lowest);
          const days = warning!.periods.flatMap(({ from, to }) => {
            const run = [from];
            while (run.at(-1)! < to) run.push(addDays(run.at(-1)!, 1));
            return run;
          });
          expect(days).toEqual(below);
        }
        const firsts = projection.warnings.map((w) => w.firstDate);
        expect(firsts).toEqual([...firsts].sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe("weekday average properties", () => {
  const history = fc.array(
    fc.record({
      accountId: fc.constantFrom("a", "b", "c"),
      back: fc.integer({ min: -3, max: 120 }),
      amountMinor: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 6n }),
      recurring: fc.boolean(),
    }),
    { maxLength: 80 },
  );

  it("is within half a unit of the window's total over the weeks, seven weekdays per account", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 16 }), (items, weeks) => {
        const today = "2026-11-13";
        const dated = items.map(({ back, ...item }) => ({ ...item, date: addDays(today, -back) }));
        const averages = averageByWeekday(dated, today, { weeks, isScheduled: (item) => item.recurring });
        const inWindow = dated.filter((item) => !item.recurring && item.date < today && item.date >= addDays(today, -7 * weeks));
        expect(averages.length).toBe(7 * new Set(inWindow.map((i) => i.accountId)).size);
        for (const average of averages) {
          const error = average.averageMinor * BigInt(weeks) - average.totalMinor;
          expect(2n * (error < 0n ? -error : error) <= BigInt(weeks)).toBe(true);
        }
        const total = averages.reduce((sum, a) => sum + a.totalMinor, 0n);
        expect(total).toBe(inWindow.reduce((sum, i) => sum + i.amountMinor, 0n));
      }),
      { numRuns: 300 },
    );
  });
});
