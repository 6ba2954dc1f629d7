import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";

import { installmentRows } from "../installments/installment-state.js";
import { type PayableLoan, paymentPlan } from "./payment-plan.js";
import { payoffOn } from "./payoff.js";

/** 1,200.00 at 12 % over 4 months from Jan 10 (payment 307.54), as an amortization table gives it. */
const ROWS = [
  { number: 1, dueDate: "2026-02-10", paymentMinor: 30754n, interestMinor: 1200n, principalMinor: 29554n, balanceMinor: 90446n },
  { number: 2, dueDate: "2026-03-10", paymentMinor: 30754n, interestMinor: 904n, principalMinor: 29850n, balanceMinor: 60596n },
  { number: 3, dueDate: "2026-04-10", paymentMinor: 30754n, interestMinor: 606n, principalMinor: 30148n, balanceMinor: 30448n },
  { number: 4, dueDate: "2026-05-10", paymentMinor: 30752n, interestMinor: 304n, principalMinor: 30448n, balanceMinor: 0n },
];

const loan = (extra: Partial<PayableLoan> = {}): PayableLoan => ({
  currency: "EUR",
  outstandingPrincipalMinor: 120000n,
  annualRatePercent: new Decimal(12),
  startDate: "2026-01-10",
  method: "AMORTIZING",
  prepaymentStrategy: "REDUCE_TERM",
  installmentMinor: 30754n,
  ...extra,
});
const open = () => installmentRows("loan", "user", ROWS);

const refusal = (f: () => unknown) => {
  try {
    f();
    return "OK";
  } catch (e) {
    const { code, field } = (e as { extensions: { code: string; field?: string } }).extensions;
    return `${code}:${field}`;
  }
};

describe("paymentPlan", () => {
  it("applies interest before principal and keeps a part payment on its installment", () => {
    const plan = paymentPlan(loan(), open(), 5000n, "2026-02-10");
    expect(plan).toMatchObject({
      interestMinor: 1200n,
      principalMinor: 3800n,
      prepaymentMinor: 0n,
      outstandingPrincipalMinor: 116200n,
      rescheduled: null,
    });
    expect(plan.updated.map((r) => [r.number, r.status, r.paidInterestMinor, r.paidPrincipalMinor, r.paidOn])).toEqual([
      [1, "PARTIALLY_PAID", 1200n, 3800n, null],
    ]);
  });

  it("pays every installment due by the date, oldest first; an early payment goes to the next one", () => {
    const late = paymentPlan(loan(), open(), 61508n, "2026-03-12");
    expect(late.updated.map((r) => [r.number, r.status, r.paidOn])).toEqual([
      [1, "PAID", "2026-03-12"],
      [2, "PAID", "2026-03-12"],
    ]);
    const early = paymentPlan(loan(), open(), 30754n, "2026-02-01");
    expect(early).toMatchObject({ prepaymentMinor: 0n, applied: [{ number: 1, interestMinor: 1200n, principalMinor: 29554n }] });
  });

  it("takes money beyond what is owed off the principal and recomputes only the untouched installments", () => {
    const plan = paymentPlan(loan(), open(), 30754n + 10000n, "2026-02-10");
    expect(plan.prepaymentMinor).toBe(10000n);
    expect(plan.outstandingPrincipalMinor).toBe(120000n - 29554n - 10000n);
    expect(plan.rescheduled!.fromNumber).toBe(2);
    const rows = plan.rescheduled!.rows;
    expect(rows.reduce((sum, r) => sum + r.principalMinor, 0n)).toBe(plan.outstandingPrincipalMinor);
    expect(rows.at(-1)!.balanceMinor).toBe(0n);
    expect(rows[0]!.number).toBe(2);
  });

  it("pays a loan off with exactly the payoff for the date, and refuses a cent more", () => {
    const payoff = payoffOn(120000n, "2026-01-10", open(), "2026-02-10");
    expect(payoff).toMatchObject({ feeMinor: 0n, interestMinor: 1200n, principalMinor: 120000n, totalMinor: 121200n });
    const plan = paymentPlan(loan(), open(), payoff.totalMinor, "2026-02-10");
    // Installment 2's period starts that day: it is settled with no interest, 3 and 4 are dropped.
    expect(plan).toMatchObject({
      outstandingPrincipalMinor: 0n,
      prepaymentMinor: 30148n + 30448n,
      rescheduled: { fromNumber: 3, rows: [] },
    });
    expect(plan.updated.map((r) => [r.number, r.status, r.interestMinor, r.paymentMinor, r.balanceMinor])).toEqual([
      [1, "PAID", 1200n, 30754n, 90446n],
      [2, "PAID", 0n, 29850n, 0n],
    ]);
    expect(refusal(() => paymentPlan(loan(), open(), payoff.totalMinor + 1n, "2026-02-10"))).toBe("BAD_USER_INPUT:amount");
  });

  it("charges a payoff mid-period the interest accrued by days, and refuses amounts only a payoff could take", () => {
    // Feb 24 is 14 of the 28 days from Feb 10 to Mar 10: half of installment 2's 9.04.
    const payoff = payoffOn(120000n, "2026-01-10", open(), "2026-02-24");
    expect(payoff).toMatchObject({ interestMinor: 1200n + 452n, totalMinor: 121652n });
    const plan = paymentPlan(loan(), open(), 121652n, "2026-02-24");
    expect(plan.updated.map((r) => [r.number, r.interestMinor, r.paidInterestMinor, r.status])).toEqual([
      [1, 1200n, 1200n, "PAID"],
      [2, 452n, 452n, "PAID"],
    ]);
    expect(plan.interestMinor).toBe(1652n);
    // Clearing the principal without the accrued interest is refused; a cent less leaves a cent owed.
    for (const amount of [121651n, 121200n])
      expect(refusal(() => paymentPlan(loan(), open(), amount, "2026-02-24"))).toBe("BAD_USER_INPUT:amount");
    expect(paymentPlan(loan(), open(), 121199n, "2026-02-24").outstandingPrincipalMinor).toBe(1n);
  });

  it("reduces a loan without a schedule directly, up to what is left", () => {
    const informal = loan({ method: null, installmentMinor: null, annualRatePercent: new Decimal(0), outstandingPrincipalMinor: 8000n });
    expect(paymentPlan(informal, [], 3000n, "2026-03-01")).toMatchObject({
      prepaymentMinor: 3000n,
      outstandingPrincipalMinor: 5000n,
      rescheduled: null,
    });
    expect(refusal(() => paymentPlan(informal, [], 8001n, "2026-03-01"))).toBe("BAD_USER_INPUT:amount");
    expect(paymentPlan(informal, [], 8000n, "2026-03-01").outstandingPrincipalMinor).toBe(0n);
  });
});
