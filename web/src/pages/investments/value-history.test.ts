import { describe, expect, it } from "vitest";

import { valueSeries } from "./value-history";

const point = (date: string, amount: string | null, contributed: string | null = "0") => ({
  date,
  value: amount === null ? null : { amount },
  netContributions: contributed === null ? null : { amount: contributed },
  missingPrice: amount === null ? { symbol: "ACME" } : null,
});

describe("the value chart's series", () => {
  it("keeps gaps where a price is missing and names the first and last known values", () => {
    const series = valueSeries([point("2026-01-01", null), point("2026-01-02", "100.50", "100"), point("2026-01-03", "101.25", "100")]);
    expect(series.labels).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    expect(series.values).toEqual([null, 100.5, 101.25]);
    expect(series.contributions).toEqual([0, 100, 100]);
    expect(series.first).toEqual({ date: "2026-01-02", amount: "100.50" });
    expect(series.last).toEqual({ date: "2026-01-03", amount: "101.25" });
    expect(series.missing).toBe(1);
  });

  it("has no first or last value when nothing could be valued", () => {
    const series = valueSeries([point("2026-01-01", null, null)]);
    expect(series.first).toBeUndefined();
    expect(series.contributions).toEqual([null]);
  });
});
