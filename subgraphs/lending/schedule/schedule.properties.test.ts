import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { dueDate } from "./due-dates.js";
import type { ScheduledInstallment } from "./loan-terms.js";
import { expectedInterest, type LoanCase, loanCase } from "./schedule.arbitraries.js";
import { buildSchedule, installmentAmount } from "./schedule.js";

/** The schedule, or null when the terms were refused for the two reasons a valid-looking loan can be. */
function scheduleOf({ terms, millionths }: LoanCase): ScheduledInstallment[] | null {
  try {
    return buildSchedule(terms);
  } catch (error) {
    const field = (error as { extensions?: { field?: string } }).extensions?.field;
    // Only an amortizing loan with interest can be repaid early by its rounded payment.
    if (field === "termMonths") expect(terms.method === "AMORTIZING" && millionths > 0).toBe(true);
    else expect(field).toBe("principal");
    return null;
  }
}

describe("schedule properties", () => {
  it("repays exactly the principal: balances fall by each principal and end at zero, Σ principal = P", () => {
    fc.assert(
      fc.property(loanCase, (c) => {
        const schedule = scheduleOf(c);
        if (!schedule) return;
        const { principalMinor, termMonths, startDate } = c.terms;
        expect(schedule.map((r) => r.number)).toEqual(Array.from({ length: termMonths }, (_, i) => i + 1));
        let balance = principalMinor;
        for (const row of schedule) {
          balance -= row.principalMinor;
          expect(row.balanceMinor).toBe(balance);
          expect(row.paymentMinor).toBe(row.interestMinor + row.principalMinor);
          expect(row.dueDate).toBe(dueDate(startDate, row.number));
        }
        expect(schedule.at(-1)!.balanceMinor).toBe(0n);
        expect(schedule.reduce((sum, r) => sum + r.principalMinor, 0n)).toBe(principalMinor);
      }),
      { numRuns: 300 },
    );
  });

  it("charges every payment but the last at the installment amount", () => {
    fc.assert(
      fc.property(loanCase, (c) => {
        const schedule = scheduleOf(c);
        if (!schedule) return;
        const amount = installmentAmount(c.terms);
        for (const row of schedule.slice(0, -1)) expect(row.paymentMinor).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it("never has negative interest, principal or balance", () => {
    fc.assert(
      fc.property(loanCase, (c) => {
        for (const row of scheduleOf(c) ?? []) {
          expect(row.interestMinor >= 0n && row.principalMinor >= 0n && row.balanceMinor >= 0n).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("charges interest as the balance × annual/1200 rounded half-up (amortizing, interest-only) or P × r × n once (simple)", () => {
    fc.assert(
      fc.property(loanCase, (c) => {
        const schedule = scheduleOf(c);
        if (!schedule) return;
        const { principalMinor, termMonths, method } = c.terms;
        if (method === "SIMPLE") {
          const total = schedule.reduce((sum, r) => sum + r.interestMinor, 0n);
          expect(total).toBe(expectedInterest(principalMinor * BigInt(termMonths), c.millionths));
          return;
        }
        let before = principalMinor;
        for (const row of schedule) {
          expect(row.interestMinor).toBe(expectedInterest(before, c.millionths));
          before = row.balanceMinor;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses an amortizing loan exactly when its rounded payment would clear the balance before the last installment", () => {
    const amortizing = loanCase.filter((c) => c.terms.method === "AMORTIZING" && c.millionths > 0);
    fc.assert(
      fc.property(amortizing, (c) => {
        const { principalMinor, termMonths } = c.terms;
        const payment = installmentAmount(c.terms);
        let [balance, early] = [principalMinor, false];
        for (let k = 1; k < termMonths && !early; k++) {
          const interest = expectedInterest(balance, c.millionths);
          early = payment >= balance + interest;
          balance -= payment - interest;
        }
        expect(scheduleOf(c) === null).toBe(early);
      }),
      { numRuns: 300 },
    );
  });

  it("accepts every SIMPLE, INTEREST_ONLY and rate-0 loan, with exactly termMonths installments", () => {
    const neverEarly = loanCase.filter((c) => c.terms.method !== "AMORTIZING" || c.millionths === 0);
    fc.assert(
      fc.property(neverEarly, (c) => {
        expect(buildSchedule(c.terms)).toHaveLength(c.terms.termMonths);
      }),
      { numRuns: 300 },
    );
  });
});
