import { describe, expect, it } from "vitest";

import { addYears, checkedReportRange, previousMonth } from "./report-range.js";

const refused = (from: string, to: string) => {
  try {
    checkedReportRange(from, to);
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return null;
};

describe("report ranges", () => {
  it("take up to ten years of days", () => {
    expect(checkedReportRange("2016-01-15", "2026-01-14")).toEqual({ from: "2016-01-15", to: "2026-01-14" });
    expect(refused("2016-01-15", "2026-01-15")).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    expect(checkedReportRange("2026-03-01", "2026-03-01")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });

  it("refuse reversed ranges and anything but YYYY-MM-DD calendar days, naming the field", () => {
    expect(refused("2026-02-01", "2026-01-31")).toEqual({ code: "BAD_USER_INPUT", field: "from" });
    expect(refused("2026-1-01", "2026-01-31")).toEqual({ code: "BAD_USER_INPUT", field: "from" });
    expect(refused("2026-01-01", "2026-02-30")).toEqual({ code: "BAD_USER_INPUT", field: "to" });
    expect(refused("01/02/2026", "2026-02-03")).toEqual({ code: "BAD_USER_INPUT", field: "from" });
  });

  it("move leap days to the 28th, and find last month", () => {
    expect(addYears("2024-02-29", 10)).toBe("2034-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(previousMonth("2026-03-15")).toEqual({ month: "2026-02", from: "2026-02-01", to: "2026-02-28" });
    expect(previousMonth("2026-01-01")).toEqual({ month: "2025-12", from: "2025-12-01", to: "2025-12-31" });
  });
});
