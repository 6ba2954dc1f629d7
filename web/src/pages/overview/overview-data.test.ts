import { describe, expect, it } from "vitest";

import { addDays, addDecimals, lastMonths, topSlices, upcomingItems } from "./overview-data";

describe("overview data shaping", () => {
  it("spans the last months from the first of the month, across a year boundary", () => {
    expect(lastMonths("2026-12-06", 12)).toEqual({ from: "2026-01-01", to: "2026-12-06" });
    expect(lastMonths("2026-03-31", 12)).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(lastMonths("2026-01-15", 1)).toEqual({ from: "2026-01-01", to: "2026-01-15" });
  });

  it("adds decimal strings exactly", () => {
    expect(addDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(addDecimals(["10.05", "3", "-0.10"])).toBe("12.95");
    expect(addDecimals(["-5.5", "1.25"])).toBe("-4.25");
    expect(addDecimals(["0.01"])).toBe("0.01");
    expect(addDecimals([])).toBe("0");
  });

  it("folds the smallest categories into Other", () => {
    const cats = ["A", "B", "C", "D"].map((name, i) => ({ name, amount: `${10 - i}.10` }));
    expect(topSlices(cats, 4)).toEqual(cats);
    expect(topSlices(cats, 3)).toEqual([cats[0], cats[1], { name: "Other", amount: "15.20" }]);
  });

  it("merges bills and installments due by the horizon, soonest first", () => {
    const money = (amount: string) => ({ amount, currency: "EUR" });
    const items = upcomingItems(
      [{ dueDate: "2026-12-20", recurring: { id: "r1", payee: "Rent", amount: money("-900.00") } }],
      [
        {
          id: "l1",
          name: "Car",
          direction: "BORROWED",
          status: "ACTIVE",
          nextDue: { number: 3, dueDate: "2026-12-10", amountDue: money("250.00") },
        },
        {
          id: "l2",
          name: "Later",
          direction: "BORROWED",
          status: "ACTIVE",
          nextDue: { number: 1, dueDate: "2027-02-01", amountDue: money("1.00") },
        },
        { id: "l3", name: "Done", direction: "LENT", status: "PAID_OFF", nextDue: null },
      ],
      "2027-01-05",
    );
    expect(items.map((i) => [i.kind, i.date, i.label, i.incoming])).toEqual([
      ["installment", "2026-12-10", "Car, installment 3", false],
      ["bill", "2026-12-20", "Rent", false],
    ]);
  });

  it("adds days across month ends", () => {
    expect(addDays("2026-12-06", 30)).toBe("2027-01-05");
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
  });
});
