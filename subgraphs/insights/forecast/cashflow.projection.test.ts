import { describe, expect, it } from "vitest";

import { projectCashflow } from "./cashflow.projection.js";
import type { CashflowInput, ProjectedDay } from "./cashflow.types.js";

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

// Today is Friday 2026-11-13; ten days run from Saturday Nov 14 to Monday Nov 23.
const INPUT: CashflowInput = {
  today: "2026-11-13",
  days: 10,
  accounts: [
    { accountId: "checking", name: "Checking", currency: "USD", balanceMinor: 100_000n },
    { accountId: "savings", name: "Savings", currency: "USD", balanceMinor: 10_000n },
    { accountId: "card", name: "Card", currency: "USD", balanceMinor: -20_000n, warnBelowZero: false },
    { accountId: "euro", name: "Euro", currency: "EUR", balanceMinor: 30_000n },
  ],
  scheduled: [
    { accountId: "checking", date: "2026-11-13", amountMinor: -99_999n, source: "BILL", label: "today: already in the balance" },
    { accountId: "checking", date: "2026-11-14", amountMinor: -8_000n, source: "BILL", label: "Phone" },
    { accountId: "checking", date: "2026-11-15", amountMinor: -120_000n, source: "SCHEDULE", label: "Rent" },
    { accountId: "checking", date: "2026-11-18", amountMinor: -30_000n, source: "LOAN_INSTALLMENT", label: "Car loan 7/36" },
    { accountId: "checking", date: "2026-11-20", amountMinor: 250_000n, source: "SCHEDULE", label: "Salary" },
    { accountId: "checking", date: "2026-11-24", amountMinor: -99_999n, source: "BILL", label: "after the window" },
    { accountId: "savings", date: "2026-11-18", amountMinor: 3_000n, source: "SCHEDULE", label: "Interest" },
    { accountId: "card", date: "2026-11-20", amountMinor: 20_000n, source: "BILL", label: "Card payment" },
    { accountId: "archived", date: "2026-11-16", amountMinor: -1n, source: "SCHEDULE", label: "an account not listed" },
  ],
  discretionary: [
    // Checking: Saturday -50.00, Sunday -30.00, Monday to Friday -10.00.
    { accountId: "checking", weekday: 6, averageMinor: -5_000n },
    { accountId: "checking", weekday: 0, averageMinor: -3_000n },
    ...[1, 2, 3, 4, 5].map((weekday) => ({ accountId: "checking", weekday, averageMinor: -1_000n })),
    // Savings: Monday -120.00, given in two parts that add up.
    { accountId: "savings", weekday: 1, averageMinor: -7_000n },
    { accountId: "savings", weekday: 1, averageMinor: -5_000n },
    { accountId: "card", weekday: 6, averageMinor: -2_500n },
    { accountId: "archived", weekday: 6, averageMinor: -1n },
  ],
};

const balances = (series: readonly ProjectedDay[]) => series.map((day) => [day.date, day.balanceMinor]);

describe("projectCashflow, hand-computed", () => {
  const projection = projectCashflow(INPUT);
  const account = (id: string) => projection.accounts.find((a) => a.accountId === id)!;

  it("covers tomorrow to today + days", () => {
    expect(projection.from).toBe("2026-11-14");
    expect(projection.to).toBe("2026-11-23");
    expect(projection.accounts.map((a) => a.accountId)).toEqual(["checking", "savings", "card", "euro"]);
  });

  it("projects checking day by day", () => {
    expect(balances(account("checking").series)).toEqual([
      ["2026-11-14", 87_000n], //  Sat: 100000 - 8000 phone - 5000
      ["2026-11-15", -36_000n], // Sun: 87000 - 120000 rent - 3000
      ["2026-11-16", -37_000n], // Mon: -36000 - 1000
      ["2026-11-17", -38_000n], // Tue: -37000 - 1000
      ["2026-11-18", -69_000n], // Wed: -38000 - 30000 loan - 1000
      ["2026-11-19", -70_000n], // Thu: -69000 - 1000
      ["2026-11-20", 179_000n], // Fri: -70000 + 250000 salary - 1000
      ["2026-11-21", 174_000n], // Sat: 179000 - 5000
      ["2026-11-22", 171_000n], // Sun: 174000 - 3000
      ["2026-11-23", 170_000n], // Mon: 171000 - 1000
    ]);
    expect(account("checking").series[4]).toEqual({
      date: "2026-11-18",
      balanceMinor: -69_000n,
      scheduledMinor: -30_000n,
      discretionaryMinor: -1_000n,
    });
    expect(account("checking").lowest).toEqual({ date: "2026-11-19", balanceMinor: -70_000n });
    expect(account("checking").flows.map((f) => f.label)).toEqual(["Phone", "Rent", "Car loan 7/36", "Salary"]);
  });

  it("projects savings, the card and the euro account", () => {
    expect(balances(account("savings").series)).toEqual([
      ["2026-11-14", 10_000n], // Sat: nothing
      ["2026-11-15", 10_000n], // Sun: nothing
      ["2026-11-16", -2_000n], // Mon: 10000 - 7000 - 5000
      ["2026-11-17", -2_000n],
      ["2026-11-18", 1_000n], //  Wed: -2000 + 3000 interest
      ["2026-11-19", 1_000n],
      ["2026-11-20", 1_000n],
      ["2026-11-21", 1_000n],
      ["2026-11-22", 1_000n],
      ["2026-11-23", -11_000n], // Mon: 1000 - 12000
    ]);
    expect(account("savings").lowest).toEqual({ date: "2026-11-23", balanceMinor: -11_000n });
    // Card: -20000, Sat -2500 → -22500, flat to Thu, Fri + 20000 → -2500, Sat -2500 → -5000.
    expect(balances(account("card").series).map(([, b]) => b)).toEqual([
      -22_500n,
      -22_500n,
      -22_500n,
      -22_500n,
      -22_500n,
      -22_500n,
      -2_500n,
      -5_000n,
      -5_000n,
      -5_000n,
    ]);
    expect(account("card").lowest).toEqual({ date: "2026-11-14", balanceMinor: -22_500n });
    // Flat: the earliest of equal days is the lowest.
    expect(account("euro").lowest).toEqual({ date: "2026-11-14", balanceMinor: 30_000n });
  });

  it("adds up each currency on its own", () => {
    expect(projection.totals.map((t) => t.currency)).toEqual(["EUR", "USD"]);
    const usd = projection.totals[1]!;
    expect(usd.startingBalanceMinor).toBe(90_000n); // 100000 + 10000 - 20000
    expect(usd.series.map((d) => d.balanceMinor)).toEqual([
      74_500n, //  87000 + 10000 - 22500
      -48_500n, // -36000 + 10000 - 22500
      -61_500n, // -37000 - 2000 - 22500
      -62_500n, // -38000 - 2000 - 22500
      -90_500n, // -69000 + 1000 - 22500
      -91_500n, // -70000 + 1000 - 22500
      177_500n, // 179000 + 1000 - 2500
      170_000n, // 174000 + 1000 - 5000
      167_000n, // 171000 + 1000 - 5000
      154_000n, // 170000 - 11000 - 5000
    ]);
    expect(usd.lowest).toEqual({ date: "2026-11-19", balanceMinor: -91_500n });
    expect(usd.series[6]).toMatchObject({ scheduledMinor: 270_000n, discretionaryMinor: -1_000n });
    expect(projection.totals[0]!.series.every((d) => d.balanceMinor === 30_000n)).toBe(true);
  });

  it("warns about checking and savings, not the card, with every run below zero", () => {
    expect(projection.warnings).toEqual([
      {
        accountId: "checking",
        name: "Checking",
        currency: "USD",
        firstDate: "2026-11-15",
        lowest: { date: "2026-11-19", balanceMinor: -70_000n },
        daysBelowZero: 5,
        periods: [{ from: "2026-11-15", to: "2026-11-19" }],
      },
      {
        accountId: "savings",
        name: "Savings",
        currency: "USD",
        firstDate: "2026-11-16",
        lowest: { date: "2026-11-23", balanceMinor: -11_000n },
        daysBelowZero: 3,
        periods: [
          { from: "2026-11-16", to: "2026-11-17" },
          { from: "2026-11-23", to: "2026-11-23" },
        ],
      },
    ]);
  });
});

describe("projectCashflow, edges", () => {
  const one = { accountId: "a", name: "A", currency: "USD", balanceMinor: 500n };

  it("projects a single day, across a leap day and a year end", () => {
    const leap = projectCashflow({
      today: "2028-02-28",
      days: 2,
      accounts: [one],
      scheduled: [{ accountId: "a", date: "2028-02-29", amountMinor: -600n, source: "BILL", label: "Leap" }],
      // 2028-02-29 is a Tuesday (2), 2028-03-01 a Wednesday (3).
      discretionary: [{ accountId: "a", weekday: 3, averageMinor: -1n }],
    });
    expect(balances(leap.accounts[0]!.series)).toEqual([
      ["2028-02-29", -100n],
      ["2028-03-01", -101n],
    ]);
    expect(leap.warnings[0]).toMatchObject({
      firstDate: "2028-02-29",
      daysBelowZero: 2,
      lowest: { date: "2028-03-01", balanceMinor: -101n },
    });

    const yearEnd = projectCashflow({ today: "2026-12-31", days: 1, accounts: [one], scheduled: [], discretionary: [] });
    expect(balances(yearEnd.accounts[0]!.series)).toEqual([["2027-01-01", 500n]]);
    expect(yearEnd.warnings).toEqual([]);
  });

  it("runs a year ahead and gives nothing for no accounts", () => {
    expect(projectCashflow({ ...INPUT, days: 365 }).accounts[0]!.series.at(-1)!.date).toBe("2027-11-13");
    expect(projectCashflow({ ...INPUT, accounts: [] })).toMatchObject({ accounts: [], totals: [], warnings: [] });
  });

  it("refuses a horizon outside 1..365, a weekday outside 0..6, an account listed twice and a bad date", () => {
    for (const days of [0, 366, 1.5, Number.NaN]) expect(() => projectCashflow({ ...INPUT, days })).toThrow(badInputOn("days"));
    expect(() => projectCashflow({ ...INPUT, discretionary: [{ accountId: "a", weekday: 7, averageMinor: 0n }] })).toThrow(
      badInputOn("weekday"),
    );
    expect(() => projectCashflow({ ...INPUT, accounts: [one, one] })).toThrow(badInputOn("accounts"));
    expect(() =>
      projectCashflow({ ...INPUT, scheduled: [{ accountId: "a", date: "2026-02-30", amountMinor: 1n, source: "BILL", label: "x" }] }),
    ).toThrow(badInputOn("date"));
    expect(() => projectCashflow({ ...INPUT, today: "13/11/2026" })).toThrow(badInputOn("today"));
  });
});
