import { describe, expect, it } from "vitest";
import { daysFrom, formatCalendarDate, parseCalendarDate, shiftDays } from "./calendar-date.js";

describe("calendar dates", () => {
  it("round-trips dates, including years below 100 that Date would read as 19xx", () => {
    for (const date of ["2024-02-29", "0050-06-15", "0001-01-01", "9999-12-31"]) {
      expect(formatCalendarDate(parseCalendarDate(date, "date"))).toBe(date);
    }
  });

  it.each(["2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01", "2024-1-01", "", 20240101])(
    "rejects %j naming the field",
    (value) => {
      expect(() => parseCalendarDate(value, "today")).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "today" }) }),
      );
    },
  );

  it("counts and shifts whole days across leap days and year ends", () => {
    const d = (iso: string) => parseCalendarDate(iso, "date");
    expect(daysFrom(d("2024-02-28"), d("2024-03-01"))).toBe(2);
    expect(daysFrom(d("2023-02-28"), d("2023-03-01"))).toBe(1);
    expect(formatCalendarDate(shiftDays(d("2025-01-02"), -3))).toBe("2024-12-30");
  });
});
