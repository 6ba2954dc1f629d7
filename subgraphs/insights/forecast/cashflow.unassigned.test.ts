import { describe, expect, it } from "vitest";

import { projectCashflow } from "./cashflow.projection.js";
import type { CashflowInput } from "./cashflow.types.js";

// Today is Friday 2026-11-13; five days run from Saturday Nov 14 to Wednesday Nov 18.
const INPUT: CashflowInput = {
  today: "2026-11-13",
  days: 5,
  accounts: [
    { accountId: "checking", name: "Checking", currency: "USD", balanceMinor: 50_000n },
    { accountId: "savings", name: "Savings", currency: "USD", balanceMinor: 5_000n },
  ],
  scheduled: [
    { accountId: "checking", date: "2026-11-16", amountMinor: -30_000n, source: "LOAN_INSTALLMENT", label: "Car: installment 3" },
  ],
  discretionary: [],
  unassigned: [
    { currency: "USD", date: "2026-11-13", amountMinor: -1n, source: "LOAN_INSTALLMENT", label: "today: left out" },
    { currency: "USD", date: "2026-11-15", amountMinor: -40_000n, source: "LOAN_INSTALLMENT", label: "Sofa: installment 2" },
    { currency: "USD", date: "2026-11-17", amountMinor: 10_000n, source: "LOAN_INSTALLMENT", label: "To Sam: installment 1" },
    { currency: "EUR", date: "2026-11-18", amountMinor: -2_500n, source: "LOAN_INSTALLMENT", label: "Flat: installment 9" },
    { currency: "USD", date: "2026-11-19", amountMinor: -1n, source: "LOAN_INSTALLMENT", label: "after the window" },
  ],
};

describe("projectCashflow with flows known only by currency, hand-computed", () => {
  const projection = projectCashflow(INPUT);

  it("moves the currency's total on their day and no account", () => {
    const usd = projection.totals.find((t) => t.currency === "USD")!;
    expect(usd.startingBalanceMinor).toBe(55_000n);
    expect(usd.series.map((d) => [d.date, d.balanceMinor, d.scheduledMinor])).toEqual([
      ["2026-11-14", 55_000n, 0n],
      ["2026-11-15", 15_000n, -40_000n], // the sofa's installment, in no account
      ["2026-11-16", -15_000n, -30_000n], // the car's, on checking
      ["2026-11-17", -5_000n, 10_000n], // Sam pays back
      ["2026-11-18", -5_000n, 0n],
    ]);
    expect(usd.lowest).toEqual({ date: "2026-11-16", balanceMinor: -15_000n });
    expect(usd.unassigned.map((f) => f.label)).toEqual(["Sofa: installment 2", "To Sam: installment 1"]);
    expect(projection.accounts.find((a) => a.accountId === "checking")!.series.map((d) => d.balanceMinor)).toEqual([
      50_000n,
      50_000n,
      20_000n,
      20_000n,
      20_000n,
    ]);
    // No account is below zero, so nothing is warned about: only the total goes below.
    expect(projection.warnings).toEqual([]);
  });

  it("gives a currency without accounts a total of its own from zero", () => {
    const eur = projection.totals.find((t) => t.currency === "EUR")!;
    expect(projection.totals.map((t) => t.currency)).toEqual(["EUR", "USD"]);
    expect(eur.startingBalanceMinor).toBe(0n);
    expect(eur.series.map((d) => d.balanceMinor)).toEqual([0n, 0n, 0n, 0n, -2_500n]);
  });
});
