import { describe, expect, it } from "vitest";

import { allocatePayment, type InstallmentAmounts, payoffQuote } from "./allocation.js";

const owed = (number: number, lateFeeMinor: bigint, interestMinor: bigint, principalMinor: bigint): InstallmentAmounts => ({
  number,
  lateFeeMinor,
  interestMinor,
  principalMinor,
});
const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

describe("allocating a payment", () => {
  const due = [owed(3, 500n, 1_000n, 9_000n), owed(4, 0n, 900n, 9_100n)];

  it("covers late fees, then every installment's interest, then principal oldest first, and keeps a partial payment", () => {
    expect(allocatePayment(2_000n, due)).toEqual({ applied: [owed(3, 500n, 1_000n, 0n), owed(4, 0n, 500n, 0n)], overpaymentMinor: 0n });
    expect(allocatePayment(12_000n, due)).toEqual({
      applied: [owed(3, 500n, 1_000n, 9_000n), owed(4, 0n, 900n, 600n)],
      overpaymentMinor: 0n,
    });
  });

  it("leaves installments the payment did not reach out of the result", () => {
    expect(allocatePayment(300n, due)).toEqual({ applied: [owed(3, 300n, 0n, 0n)], overpaymentMinor: 0n });
  });

  it("turns what is left after everything due into an overpayment (a prepayment of principal)", () => {
    expect(allocatePayment(25_000n, due)).toEqual({ applied: due, overpaymentMinor: 4_500n });
    expect(allocatePayment(100n, [])).toEqual({ applied: [], overpaymentMinor: 100n });
  });

  it("refuses a payment of zero or less on amount", () => {
    expect(() => allocatePayment(0n, due)).toThrow(badInputOn("amount"));
    expect(() => allocatePayment(-1n, due)).toThrow(badInputOn("amount"));
  });

  it("refuses installments out of order, repeated or owing negative amounts as a programming error", () => {
    expect(() => allocatePayment(1n, [owed(4, 0n, 1n, 1n), owed(3, 0n, 1n, 1n)])).toThrow(RangeError);
    expect(() => allocatePayment(1n, [owed(3, 0n, 1n, 1n), owed(3, 0n, 1n, 1n)])).toThrow(RangeError);
    expect(() => allocatePayment(1n, [owed(3, 0n, -1n, 1n)])).toThrow(RangeError);
  });
});

describe("payoff quote", () => {
  // 10,000.00 at 5 % over 12 months from 2024-01-31, nothing paid yet (the reference schedule's first rows).
  const unpaid = [owed(1, 0n, 4_167n, 81_440n), owed(2, 0n, 3_827n, 81_780n), owed(3, 0n, 3_487n, 836_780n)];

  it("adds the interest accrued in the running period by actual days, rounded half-up", () => {
    // Period 1 runs 2024-01-31 → 2024-02-29 (29 days); on Feb 15, 15 days: 4167 × 15 / 29 = 2155.34.
    expect(payoffQuote("2024-02-15", "2024-01-31", unpaid)).toEqual({
      principalMinor: 1_000_000n,
      interestMinor: 2_155n,
      lateFeeMinor: 0n,
      totalMinor: 1_002_155n,
    });
  });

  it("owes a due installment's whole interest from its due date, and nothing of a period not yet begun", () => {
    expect(payoffQuote("2024-02-29", "2024-01-31", unpaid).interestMinor).toBe(4_167n);
    // Period 2 runs Feb 29 → Mar 31 (31 days); Mar 1 is one day in: 3827 / 31 = 123.45.
    expect(payoffQuote("2024-03-01", "2024-01-31", unpaid).interestMinor).toBe(4_167n + 123n);
  });

  it("is only the principal on the start date, and everything once the last installment is due", () => {
    expect(payoffQuote("2024-01-31", "2024-01-31", unpaid).totalMinor).toBe(1_000_000n);
    expect(payoffQuote("2023-12-01", "2024-01-31", unpaid).totalMinor).toBe(1_000_000n);
    expect(payoffQuote("2024-04-30", "2024-01-31", unpaid).totalMinor).toBe(1_000_000n + 4_167n + 3_827n + 3_487n);
  });

  it("adds unpaid late fees and skips installments already paid", () => {
    const partlyPaid = [owed(2, 2_500n, 1_000n, 81_780n), owed(3, 0n, 3_487n, 836_780n)];
    expect(payoffQuote("2024-04-15", "2024-01-31", partlyPaid)).toEqual({
      principalMinor: 918_560n,
      // Installment 2 is due (1000 unpaid); period 3 runs Mar 31 → Apr 30, 15 of 30 days: 3487 / 2 = 1743.5 → 1744.
      interestMinor: 1_000n + 1_744n,
      lateFeeMinor: 2_500n,
      totalMinor: 918_560n + 2_744n + 2_500n,
    });
  });

  it("refuses a date that is not a day between 1900 and 2100 on date", () => {
    expect(() => payoffQuote("2024-02-30", "2024-01-31", unpaid)).toThrow(badInputOn("date"));
    expect(() => payoffQuote("2201-01-01", "2024-01-31", unpaid)).toThrow(badInputOn("date"));
  });
});
