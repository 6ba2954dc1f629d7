import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays } from "../../../platform/time/index.js";
import type { InstallmentEntity } from "../installments/installment.entity.js";
import { installmentRows } from "../installments/installment-state.js";
import type { PrepaymentStrategyValue } from "../loans/loan.entity.js";
import { method, rateMillionths, rateText, startDate } from "../schedule/schedule.arbitraries.js";
import { buildSchedule, installmentAmount, type LoanTerms } from "../schedule/schedule.js";
import { type PayableLoan, paymentPlan } from "./payment-plan.js";
import { payoffOn } from "./payoff.js";

/** A loan and the payments made on it: each a day after the previous one and a share of the payoff on that day. */
const scenario = fc
  .record({
    principalMinor: fc.oneof(fc.bigInt({ min: 100n, max: 10_000n }), fc.bigInt({ min: 10_000n, max: 10n ** 9n })),
    millionths: rateMillionths,
    termMonths: fc.integer({ min: 1, max: 36 }),
    startDate,
    method,
    strategy: fc.constantFrom<PrepaymentStrategyValue>("REDUCE_TERM", "REDUCE_PAYMENT"),
    payments: fc.array(
      fc.record({
        afterDays: fc.integer({ min: 0, max: 70 }),
        // Parts in ten thousand of the payoff; 10000 is the payoff itself.
        share: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant(10_000), fc.integer({ min: 1, max: 300 })),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map((s) => ({ ...s, terms: { ...s, annualRatePercent: new Decimal(rateText(s.millionths)) } as LoanTerms }))
  .filter((s) => {
    try {
      buildSchedule(s.terms);
      return true;
    } catch {
      // Terms the domain refuses (a payment that would repay the loan early) are not loans.
      return false;
    }
  });

describe("paymentPlan, over any loan and any payments", () => {
  it("keeps the books: Σ principal of the schedule + prepaid = P, outstanding = what the rows still owe, and a payoff clears all", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        let rows: InstallmentEntity[] = installmentRows("loan", "user", buildSchedule(s.terms));
        const loan: PayableLoan = {
          currency: "EUR",
          outstandingPrincipalMinor: s.principalMinor,
          annualRatePercent: s.terms.annualRatePercent,
          startDate: s.startDate,
          method: s.method,
          prepaymentStrategy: s.strategy,
          installmentMinor: installmentAmount(s.terms),
        };
        let prepaid = 0n;
        let date = s.startDate;
        for (const p of s.payments) {
          if (loan.outstandingPrincipalMinor === 0n) break;
          date = addDays(date, p.afterDays);
          if (date > "2100-12-31") break;
          const open = rows.filter((r) => r.status !== "PAID");
          const payoff = payoffOn(loan.outstandingPrincipalMinor, loan.startDate, open, date).totalMinor;
          const amount = (payoff * BigInt(p.share)) / 10_000n;
          if (amount === 0n) continue;
          let plan;
          try {
            plan = paymentPlan(loan, open, amount, date);
          } catch (error) {
            // Only an amount that would clear the principal without the accrued interest is refused.
            expect((error as { extensions: { field: string } }).extensions.field).toBe("amount");
            expect(amount).toBeLessThan(payoff);
            continue;
          }
          expect(plan.feeMinor + plan.interestMinor + plan.principalMinor + plan.prepaymentMinor).toBe(amount);
          rows = rows.map((r) => plan.updated.find((u) => u.number === r.number) ?? r);
          if (plan.rescheduled) {
            const { fromNumber, rows: next } = plan.rescheduled;
            rows = [...rows.filter((r) => r.number < fromNumber), ...installmentRows("loan", "user", next)];
          }
          prepaid += plan.prepaymentMinor;
          loan.outstandingPrincipalMinor = plan.outstandingPrincipalMinor;
          loan.installmentMinor = plan.installmentMinor;

          expect(rows.reduce((sum, r) => sum + r.principalMinor, 0n) + prepaid).toBe(s.principalMinor);
          expect(rows.reduce((sum, r) => sum + r.principalMinor - r.paidPrincipalMinor, 0n)).toBe(loan.outstandingPrincipalMinor);
          for (const r of rows) {
            expect(r.paidInterestMinor >= 0n && r.paidInterestMinor <= r.interestMinor).toBe(true);
            expect(r.paidPrincipalMinor >= 0n && r.paidPrincipalMinor <= r.principalMinor).toBe(true);
            expect(r.paymentMinor).toBe(r.interestMinor + r.principalMinor);
          }
          expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
          if (amount === payoff) {
            expect(loan.outstandingPrincipalMinor).toBe(0n);
            expect(rows.every((r) => r.status === "PAID")).toBe(true);
          } else expect(loan.outstandingPrincipalMinor).toBeGreaterThan(0n);
        }
      }),
      { numRuns: 300 },
    );
  });
});
