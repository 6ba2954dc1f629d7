import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { dueDate } from "./due-dates.js";
import type { ScheduledInstallment } from "./loan-terms.js";
import { type RemainingLoan, rescheduleAfterPrepayment } from "./reschedule.js";
import { expectedInterest, type PrepaymentCase, prepaymentCase } from "./schedule.arbitraries.js";
import { buildSchedule, installmentAmount } from "./schedule.js";

/** The loan after `paid` installments and the prepayment, or null for terms `buildSchedule` refuses. */
function remainingOf({ loan, paid, prepaidBasisPoints }: PrepaymentCase): RemainingLoan | null {
  let schedule: ScheduledInstallment[];
  try {
    schedule = buildSchedule(loan.terms);
  } catch {
    return null;
  }
  const before = paid === 0 ? loan.terms.principalMinor : schedule[paid - 1]!.balanceMinor;
  return {
    balanceMinor: before - (before * BigInt(prepaidBasisPoints)) / 10_000n,
    annualRatePercent: loan.terms.annualRatePercent,
    nextNumber: paid + 1,
    remainingMonths: loan.terms.termMonths - paid,
    startDate: loan.terms.startDate,
    method: loan.terms.method,
    currentPaymentMinor: installmentAmount(loan.terms),
  };
}

describe("reschedule properties", () => {
  it("repays exactly the remaining balance, ending at zero, within the months left and on the loan's due dates", () => {
    fc.assert(
      fc.property(prepaymentCase, (c) => {
        const remaining = remainingOf(c);
        if (!remaining) return;
        const rows = rescheduleAfterPrepayment(remaining, c.strategy);
        expect(rows.reduce((sum, r) => sum + r.principalMinor, 0n)).toBe(remaining.balanceMinor);
        if (remaining.balanceMinor === 0n) {
          expect(rows).toEqual([]);
          return;
        }
        expect(rows.at(-1)!.balanceMinor).toBe(0n);
        expect(rows.length).toBeLessThanOrEqual(remaining.remainingMonths);
        let balance = remaining.balanceMinor;
        rows.forEach((row, i) => {
          balance -= row.principalMinor;
          expect(row.number).toBe(remaining.nextNumber + i);
          expect(row.dueDate).toBe(dueDate(remaining.startDate, row.number));
          expect(row.balanceMinor).toBe(balance);
          expect(row.paymentMinor).toBe(row.interestMinor + row.principalMinor);
          expect(row.interestMinor >= 0n && row.principalMinor >= 0n && row.balanceMinor >= 0n).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("pays one regular amount before the last installment: the current one for REDUCE_TERM (amortizing, interest-only)", () => {
    fc.assert(
      fc.property(prepaymentCase, (c) => {
        const remaining = remainingOf(c);
        if (!remaining) return;
        const regular = rescheduleAfterPrepayment(remaining, c.strategy)
          .slice(0, -1)
          .map((r) => r.paymentMinor);
        expect(new Set(regular).size).toBeLessThanOrEqual(1);
        if (c.strategy === "REDUCE_TERM" && remaining.method !== "SIMPLE" && regular.length > 0) {
          expect(regular[0]).toBe(remaining.currentPaymentMinor);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps charging the balance × r rounded half-up on amortizing and interest-only loans", () => {
    const declining = prepaymentCase.filter((c) => c.loan.terms.method !== "SIMPLE");
    fc.assert(
      fc.property(declining, (c) => {
        const remaining = remainingOf(c);
        if (!remaining) return;
        let before = remaining.balanceMinor;
        for (const row of rescheduleAfterPrepayment(remaining, c.strategy)) {
          expect(row.interestMinor).toBe(expectedInterest(before, c.loan.millionths));
          before = row.balanceMinor;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("REDUCE_TERM ends no later and charges no more interest than REDUCE_PAYMENT when the new annuity is below the current payment", () => {
    // The usual case; only a payment rounded down to almost nothing (a few minor units of balance) can be below it.
    const amortizing = prepaymentCase.filter((c) => c.loan.terms.method === "AMORTIZING");
    fc.assert(
      fc.property(amortizing, (c) => {
        const remaining = remainingOf(c);
        if (!remaining || remaining.balanceMinor === 0n) return;
        const [term, payment] = [
          rescheduleAfterPrepayment(remaining, "REDUCE_TERM"),
          rescheduleAfterPrepayment(remaining, "REDUCE_PAYMENT"),
        ];
        fc.pre(payment[0]!.paymentMinor <= remaining.currentPaymentMinor);
        expect(term.length).toBeLessThanOrEqual(payment.length);
        const interest = (rows: ScheduledInstallment[]) => rows.reduce((sum, r) => sum + r.interestMinor, 0n);
        expect(interest(term)).toBeLessThanOrEqual(interest(payment));
      }),
      { numRuns: 300 },
    );
  });
});
