import { describe, expect, it } from "vitest";

import { dateRange, latestDayAnywhere, marketDate } from "./price-dates.js";

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { field: string } }).extensions.field;
  }
  return "accepted";
};

describe("market dates", () => {
  it("reach the day already begun somewhere on earth, and no further", () => {
    expect(latestDayAnywhere(new Date("2026-03-10T09:59:59Z"))).toBe("2026-03-10");
    expect(latestDayAnywhere(new Date("2026-03-10T10:00:00Z"))).toBe("2026-03-11");
    const latest = latestDayAnywhere(new Date("2026-03-10T12:00:00Z"));
    expect(marketDate("2026-03-11", "prices[0].date", latest)).toBe("2026-03-11");
    expect(fieldOf(() => marketDate("2026-03-12", "prices[0].date", latest))).toBe("prices[0].date");
  });

  it("start in 1900 and are real days", () => {
    expect(marketDate("1900-01-01", "date", "2026-01-01")).toBe("1900-01-01");
    expect(fieldOf(() => marketDate("1899-12-31", "rates[3].date", "2026-01-01"))).toBe("rates[3].date");
    expect(fieldOf(() => marketDate("2025-02-29", "date", "2026-01-01"))).toBe("date");
  });

  it("make ranges in order and of bounded length", () => {
    expect(dateRange("2025-01-01", "2025-12-31", 400)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(fieldOf(() => dateRange("2025-02-01", "2025-01-31", 400))).toBe("from");
    expect(fieldOf(() => dateRange("2020-01-01", "2025-01-31", 400))).toBe("to");
  });
});
