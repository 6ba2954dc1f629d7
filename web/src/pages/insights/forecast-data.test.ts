import { describe, expect, it } from "vitest";

import { forecastPoints, forecastSummary } from "./forecast-data";

const total = {
  currency: "EUR",
  startingBalance: { amount: "1000.00", currency: "EUR" },
  lowest: { date: "2027-01-05", balance: { amount: "850.50", currency: "EUR" } },
  series: [
    { date: "2026-12-07", value: "990.00" },
    { date: "2027-01-05", value: "850.50" },
    { date: "2027-03-06", value: "900.00" },
  ],
};
const format = { money: (m: { amount: string; currency: string }) => `${m.amount} ${m.currency}`, day: (d: string) => d };

describe("the forecast chart", () => {
  it("draws each day's balance as a number", () => {
    expect(forecastPoints(total)).toEqual({ labels: ["2026-12-07", "2027-01-05", "2027-03-06"], values: [990, 850.5, 900] });
  });

  it("says where the balance starts, ends and bottoms out, from the API's decimal strings", () => {
    expect(forecastSummary(total, format)).toBe(
      "EUR balance projected from 1000.00 EUR today to 900.00 EUR on 2027-03-06; lowest 850.50 EUR on 2027-01-05.",
    );
  });

  it("has a summary without any projected day", () => {
    expect(forecastSummary({ ...total, series: [] }, format)).toContain("to 1000.00 EUR;");
  });
});
