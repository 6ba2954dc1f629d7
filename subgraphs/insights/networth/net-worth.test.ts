import { describe, expect, it } from "vitest";

import type { InsightAccount } from "../accounts/account.store.js";
import { netWorthSeries } from "./net-worth.js";

const checking = {
  id: "checking",
  currency: "USD",
  openingBalanceMinor: 100_000n,
  openingDate: "2026-01-01",
} as InsightAccount;

describe("net worth with investments", () => {
  const days = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"];
  const points = netWorthSeries({
    days,
    currency: "USD",
    accounts: [checking],
    postings: [],
    loans: [],
    investments: [
      { portfolioId: "brokerage", date: "2026-02-10", currency: "USD", valueMinor: 50_000n },
      { portfolioId: "euro", date: "2026-02-10", currency: "EUR", valueMinor: 999_999n },
      { portfolioId: "brokerage", date: "2026-03-05", currency: "USD", valueMinor: 65_000n },
      { portfolioId: "pension", date: "2026-04-30", currency: "USD", valueMinor: 20_000n },
    ],
  });

  it("counts each portfolio at its last known value from its first, in the base currency only", () => {
    expect(points.map((p) => [p.date, p.investmentsMinor, p.assetsMinor, p.netWorthMinor])).toEqual([
      ["2026-01-31", 0n, 100_000n, 100_000n],
      ["2026-02-28", 50_000n, 150_000n, 150_000n],
      ["2026-03-31", 65_000n, 165_000n, 165_000n], // carried forward from Mar 5
      ["2026-04-30", 85_000n, 185_000n, 185_000n], // the pension's first value, on the day itself
    ]);
  });

  it("counts a portfolio below zero (cash overdrawn) as a liability", () => {
    const [point] = netWorthSeries({
      days: ["2026-05-01"],
      currency: "USD",
      accounts: [],
      postings: [],
      loans: [],
      investments: [{ portfolioId: "margin", date: "2026-04-01", currency: "USD", valueMinor: -7_000n }],
    });
    expect(point).toEqual({
      date: "2026-05-01",
      assetsMinor: 0n,
      liabilitiesMinor: 7_000n,
      netWorthMinor: -7_000n,
      investmentsMinor: -7_000n,
    });
  });
});
