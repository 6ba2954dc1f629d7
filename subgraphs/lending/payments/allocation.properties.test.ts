import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays } from "../../../platform/time/index.js";
import { dueDate } from "../schedule/due-dates.js";
import { owedInstallments, paymentCase } from "./allocation.arbitraries.js";
import { allocatePayment, payoffQuote } from "./allocation.js";

const KINDS = ["lateFeeMinor", "interestMinor", "principalMinor"] as const;

describe("allocation properties", () => {
  it("applies exactly the payment: Σ applied + overpayment = amount, never more than owed of any kind", () => {
    fc.assert(
      fc.property(paymentCase, ({ owed, amountMinor }) => {
        const { applied, overpaymentMinor } = allocatePayment(amountMinor, owed);
        const sumApplied = applied.reduce((sum, a) => sum + a.lateFeeMinor + a.interestMinor + a.principalMinor, 0n);
        expect(sumApplied + overpaymentMinor).toBe(amountMinor);
        expect(overpaymentMinor >= 0n).toBe(true);
        const owedOf = new Map(owed.map((o) => [o.number, o]));
        for (const a of applied) {
          for (const kind of KINDS) expect(a[kind] >= 0n && a[kind] <= owedOf.get(a.number)![kind]).toBe(true);
        }
        const totalOwed = owed.reduce((sum, o) => sum + o.lateFeeMinor + o.interestMinor + o.principalMinor, 0n);
        expect(overpaymentMinor).toBe(amountMinor > totalOwed ? amountMinor - totalOwed : 0n);
      }),
      { numRuns: 500 },
    );
  });

  it("follows the order: no interest before every fee is covered, no principal before all interest, each kind oldest first", () => {
    fc.assert(
      fc.property(paymentCase, ({ owed, amountMinor }) => {
        const { applied } = allocatePayment(amountMinor, owed);
        expect(applied.map((a) => a.number)).toEqual(owed.filter((o) => applied.some((a) => a.number === o.number)).map((o) => o.number));
        const got = (number: number, kind: (typeof KINDS)[number]) => applied.find((a) => a.number === number)?.[kind] ?? 0n;
        // In the order fees (oldest first), interest, principal: once one part is short, every later part gets nothing.
        let shortSeen = false;
        for (const kind of KINDS) {
          for (const o of owed) {
            if (shortSeen) expect(got(o.number, kind)).toBe(0n);
            if (got(o.number, kind) < o[kind]) shortSeen = true;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("payoff quote properties", () => {
  const quoteCase = fc.record({
    owed: owedInstallments,
    startDate: fc.integer({ min: 40, max: 365 * 150 }).map((offset) => addDays("1900-01-01", offset)),
    days: fc.tuple(fc.integer({ min: -40, max: 40 * 366 }), fc.integer({ min: 0, max: 400 })),
  });

  it("never falls as the date moves on, and lies between principal + fees and everything unpaid", () => {
    fc.assert(
      fc.property(quoteCase, ({ owed, startDate, days: [offset, later] }) => {
        const day = addDays(startDate, offset);
        const [early, late] = [payoffQuote(day, startDate, owed), payoffQuote(addDays(day, later), startDate, owed)];
        expect(early.totalMinor <= late.totalMinor).toBe(true);
        const sum = (kind: "lateFeeMinor" | "interestMinor" | "principalMinor") => owed.reduce((total, o) => total + o[kind], 0n);
        expect(early.principalMinor).toBe(sum("principalMinor"));
        expect(early.lateFeeMinor).toBe(sum("lateFeeMinor"));
        expect(early.interestMinor >= 0n && early.interestMinor <= sum("interestMinor")).toBe(true);
        expect(early.totalMinor).toBe(early.principalMinor + early.interestMinor + early.lateFeeMinor);
        // Every installment due by the day owes all its interest.
        const dueInterest = owed.filter((o) => dueDate(startDate, o.number) <= day).reduce((total, o) => total + o.interestMinor, 0n);
        expect(early.interestMinor >= dueInterest).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
