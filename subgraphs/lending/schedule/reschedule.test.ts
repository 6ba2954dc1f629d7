import { describe, expect, it } from "vitest";

import { fixedPaymentRows } from "./amortization.js";
import { startDay } from "./due-dates.js";
import { referenceReschedules, referenceRows } from "./fixtures/reference-tables.js";
import type { LoanMethod } from "./loan-terms.js";
import { monthlyRateFraction, parseAnnualRate } from "./rate.js";
import { type PrepaymentStrategy, type RemainingLoan, rescheduleAfterPrepayment } from "./reschedule.js";
import { buildSchedule, installmentAmount, type LoanTerms, totalInterest } from "./schedule.js";

/** The loan `terms` after `paid` installments and a prepayment of `prepaidMinor`. */
function afterPrepayment(terms: LoanTerms, paid: number, prepaidMinor: bigint): RemainingLoan {
  const schedule = buildSchedule(terms);
  return {
    balanceMinor: schedule[paid - 1]!.balanceMinor - prepaidMinor,
    annualRatePercent: terms.annualRatePercent,
    nextNumber: paid + 1,
    remainingMonths: terms.termMonths - paid,
    startDate: terms.startDate,
    method: terms.method,
    currentPaymentMinor: installmentAmount(terms),
  };
}

const loan = (method: LoanMethod, overrides: Partial<LoanTerms> = {}): LoanTerms => ({
  principalMinor: 1_200_000n,
  annualRatePercent: parseAnnualRate("6"),
  termMonths: 12,
  startDate: "2024-01-31",
  method,
  ...overrides,
});

describe("reschedules against independently computed tables", () => {
  it.each(referenceReschedules().map((c) => [c.name!, c] as const))("%s matches every row and the total interest", (name, c) => {
    const rows = rescheduleAfterPrepayment(
      {
        balanceMinor: BigInt(c.balanceMinor!),
        annualRatePercent: parseAnnualRate(c.annualRatePercent!),
        nextNumber: Number(c.nextNumber),
        remainingMonths: Number(c.remainingMonths),
        startDate: c.startDate!,
        method: c.method as LoanMethod,
        currentPaymentMinor: BigInt(c.currentPaymentMinor!),
      },
      c.strategy as PrepaymentStrategy,
    );
    expect(rows).toEqual(referenceRows(name));
    expect(totalInterest(rows)).toBe(BigInt(c.totalInterestMinor!));
  });
});

describe("rescheduling after a prepayment", () => {
  const remaining = afterPrepayment(loan("AMORTIZING"), 3, 300_000n);

  it("REDUCE_PAYMENT keeps the months and lowers the payment; REDUCE_TERM keeps the payment and ends sooner", () => {
    const lower = rescheduleAfterPrepayment(remaining, "REDUCE_PAYMENT");
    expect(lower.map((r) => r.number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(lower[0]!.paymentMinor).toBeLessThan(remaining.currentPaymentMinor);

    const shorter = rescheduleAfterPrepayment(remaining, "REDUCE_TERM");
    expect(shorter.length).toBeLessThan(9);
    expect(shorter.slice(0, -1).every((r) => r.paymentMinor === remaining.currentPaymentMinor)).toBe(true);
    expect(shorter.at(-1)!.paymentMinor).toBeLessThanOrEqual(remaining.currentPaymentMinor);
    expect(totalInterest(shorter)).toBeLessThan(totalInterest(lower));
  });

  it("keeps each installment on the loan's own due date, anchored on the start day", () => {
    const rows = rescheduleAfterPrepayment(remaining, "REDUCE_PAYMENT");
    expect(rows.slice(0, 3).map((r) => r.dueDate)).toEqual(["2024-05-31", "2024-06-30", "2024-07-31"]);
  });

  it("has nothing left to schedule once the balance is zero", () => {
    expect(rescheduleAfterPrepayment({ ...remaining, balanceMinor: 0n }, "REDUCE_TERM")).toEqual([]);
  });

  it("spreads a rate-0 balance over the same months with the remainder last (REDUCE_PAYMENT)", () => {
    const friends = afterPrepayment(loan("AMORTIZING", { annualRatePercent: parseAnnualRate("0") }), 2, 1n);
    // 1,200,000 − 2 × 100,000 − 1 = 999,999 over 10 months.
    const rows = rescheduleAfterPrepayment(friends, "REDUCE_PAYMENT");
    expect(rows.map((r) => r.paymentMinor)).toEqual([...Array<bigint>(9).fill(99_999n), 100_008n]);
  });

  it("REDUCE_TERM at rate 0 pays the old amount until the balance runs out", () => {
    const friends = afterPrepayment(loan("AMORTIZING", { annualRatePercent: parseAnnualRate("0") }), 2, 250_000n);
    const rows = rescheduleAfterPrepayment(friends, "REDUCE_TERM");
    expect(rows.map((r) => r.paymentMinor)).toEqual([...Array<bigint>(7).fill(100_000n), 50_000n]);
  });

  it("SIMPLE: REDUCE_PAYMENT charges simple interest on the balance for the months left", () => {
    const simple = afterPrepayment(loan("SIMPLE"), 6, 200_000n);
    // 400,000 left over 6 months at 0.5 % a month: 12,000 of interest.
    const rows = rescheduleAfterPrepayment(simple, "REDUCE_PAYMENT");
    expect(rows.map((r) => [r.interestMinor, r.principalMinor])).toEqual(Array(6).fill([2_000n, 66_666n]).with(5, [2_000n, 66_670n]));
  });

  it("REDUCE_TERM never asks more than the current payment: a balance just above it takes one more month", () => {
    // 1,005.00 at 12 %: 10.05 of interest, so 1,000.00 cannot settle it; the next month settles 15.20.
    const justAbove = { ...remaining, balanceMinor: 100_500n, annualRatePercent: parseAnnualRate("12"), currentPaymentMinor: 100_000n };
    const rows = rescheduleAfterPrepayment(justAbove, "REDUCE_TERM");
    expect(rows.map((r) => [r.paymentMinor, r.interestMinor, r.principalMinor, r.balanceMinor])).toEqual([
      [100_000n, 1_005n, 98_995n, 1_505n],
      [1_520n, 15n, 1_505n, 0n],
    ]);
  });

  it("REDUCE_TERM raises a payment below the month's interest to the interest, so the balance never grows", () => {
    // 10,000.00 at 12 % owes 100.00 a month of interest; the old payment was 50.00.
    const underwater = { ...remaining, balanceMinor: 1_000_000n, annualRatePercent: parseAnnualRate("12"), currentPaymentMinor: 5_000n };
    const rows = rescheduleAfterPrepayment(underwater, "REDUCE_TERM");
    expect(rows.slice(0, -1).every((r) => r.paymentMinor === 10_000n && r.balanceMinor === 1_000_000n)).toBe(true);
    expect(rows.at(-1)).toMatchObject({ paymentMinor: 1_010_000n, principalMinor: 1_000_000n, balanceMinor: 0n });
    expect(rows).toHaveLength(remaining.remainingMonths);
  });

  it("SIMPLE: REDUCE_TERM takes the term whose payment equals the current one exactly", () => {
    // 10,000.00 at 12 % simple interest: over m months, 10,000/m + 100.00 a month; 1,100.00 is m = 10.
    const simple = {
      ...remaining,
      method: "SIMPLE" as const,
      remainingMonths: 20,
      balanceMinor: 1_000_000n,
      annualRatePercent: parseAnnualRate("12"),
    };
    const rows = rescheduleAfterPrepayment({ ...simple, currentPaymentMinor: 110_000n }, "REDUCE_TERM");
    expect(rows.map((r) => r.paymentMinor)).toEqual(Array<bigint>(10).fill(110_000n));
    // A cent less is not enough for 10 months: 11 months pay 909.09 + 100.00, the last 909.10 + 100.00.
    const cheaper = rescheduleAfterPrepayment({ ...simple, currentPaymentMinor: 109_999n }, "REDUCE_TERM");
    expect(cheaper).toHaveLength(11);
  });

  it("SIMPLE: REDUCE_TERM picks the shortest term whose payment is no more than the current one", () => {
    const simple = afterPrepayment(loan("SIMPLE"), 6, 200_000n);
    // The current payment is 100,000 + 6,000; 400,000 over 4 months is 100,000 + 2,000 a month.
    const rows = rescheduleAfterPrepayment(simple, "REDUCE_TERM");
    expect(rows.map((r) => [r.number, r.paymentMinor, r.interestMinor])).toEqual([
      [7, 102_000n, 2_000n],
      [8, 102_000n, 2_000n],
      [9, 102_000n, 2_000n],
      [10, 102_000n, 2_000n],
    ]);
  });

  it("INTEREST_ONLY: REDUCE_PAYMENT charges less interest and keeps the balloon; REDUCE_TERM puts the old payment towards principal", () => {
    const interestOnly = afterPrepayment(loan("INTEREST_ONLY"), 4, 600_000n);
    const lower = rescheduleAfterPrepayment(interestOnly, "REDUCE_PAYMENT");
    expect(lower.map((r) => r.paymentMinor)).toEqual([...Array<bigint>(7).fill(3_000n), 603_000n]);

    const shorter = rescheduleAfterPrepayment(interestOnly, "REDUCE_TERM");
    expect(shorter[0]).toMatchObject({ number: 5, paymentMinor: 6_000n, interestMinor: 3_000n, principalMinor: 3_000n });
    expect(shorter).toHaveLength(8);
    expect(shorter.at(-1)!.paymentMinor).toBeGreaterThan(500_000n);
  });

  it("refuses impossible remainders as a programming error", () => {
    expect(() => rescheduleAfterPrepayment({ ...remaining, balanceMinor: -1n }, "REDUCE_TERM")).toThrow(RangeError);
    expect(() => rescheduleAfterPrepayment({ ...remaining, remainingMonths: 0 }, "REDUCE_TERM")).toThrow(RangeError);
    expect(() => rescheduleAfterPrepayment({ ...remaining, nextNumber: 600 }, "REDUCE_TERM")).toThrow(RangeError);
    expect(() => rescheduleAfterPrepayment(remaining, "REDUCE_BOTH" as PrepaymentStrategy)).toThrow(RangeError);
    const whole = "nextNumber and remainingMonths must be whole numbers from 1";
    const refusals: Array<[Partial<RemainingLoan>, string]> = [
      [{ balanceMinor: -1n }, "balance and payment must not be negative"],
      [{ currentPaymentMinor: -1n }, "balance and payment must not be negative"],
      [{ method: "BALLOON" as LoanMethod }, "unknown loan method BALLOON"],
      [{ nextNumber: 0 }, whole],
      [{ nextNumber: 1.5 }, whole],
      [{ remainingMonths: 0 }, whole],
      [{ remainingMonths: 2.5 }, whole],
      [{ nextNumber: 600 }, "installments end after number 600"],
    ];
    for (const [change, message] of refusals) {
      expect(() => rescheduleAfterPrepayment({ ...remaining, ...change }, "REDUCE_TERM"), message).toThrow(new RangeError(message));
    }
    expect(() => rescheduleAfterPrepayment(remaining, "REDUCE_BOTH" as PrepaymentStrategy)).toThrow(
      new RangeError("unknown prepayment strategy REDUCE_BOTH"),
    );
    // The last remaining installment may be number 600, the longest term.
    expect(rescheduleAfterPrepayment({ ...remaining, nextNumber: 600, remainingMonths: 1 }, "REDUCE_TERM")).toHaveLength(1);
  });

  it("builds no installments from a payment that would not cover the first month's interest", () => {
    const rate = monthlyRateFraction(parseAnnualRate("12"));
    expect(() => fixedPaymentRows(1_000_000n, rate, 9_999n, 1, 12, startDay("2024-01-31"))).toThrow(
      new RangeError("payment does not cover the interest"),
    );
    expect(fixedPaymentRows(1_000_000n, rate, 10_000n, 1, 2, startDay("2024-01-31")).map((r) => r.balanceMinor)).toEqual([1_000_000n, 0n]);
  });
});
