import { describe, expect, it } from "vitest";

import { dateOfDay, dayNumber } from "./calendar-days.js";

describe("calendar days", () => {
  it.each([
    ["2024-03-01", "2024-02-29"],
    ["2023-03-01", "2023-02-28"],
    ["2000-03-01", "2000-02-29"],
    ["2100-03-01", "2100-02-28"],
    ["2025-01-01", "2024-12-31"],
    ["0050-01-01", "0049-12-31"],
  ])("the day before %s is %s", (date, before) => {
    expect(dateOfDay(dayNumber(date) - 1)).toBe(before);
  });

  it("counts days as the calendar does: 2008-01-01 to 2009-04-01 is 456", () => {
    expect(dayNumber("2009-04-01") - dayNumber("2008-01-01")).toBe(456);
    expect(dayNumber("1970-01-01")).toBe(0);
  });

  it.each(["2023-02-29", "2024-13-01", "2024-1-01", "2024-01-01T00:00", "", "2024-04-31"])("refuses %j on the field given", (date) => {
    expect(() => dayNumber(date, "to")).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "to" } }));
  });

  it("names the field `date` unless told otherwise, and quotes the start of what it got", () => {
    expect(() => dayNumber("2024-02-30")).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "date" } }));
    expect(() => dayNumber(`2024-01-01 ${"x".repeat(100)}`, "from")).toThrow(
      'from must be a calendar date written YYYY-MM-DD, got "2024-01-01 xxxxxxxxx"',
    );
  });
});
