import { describe, expect, it } from "vitest";

import { addDays, daysFrom, formatCalendarDate, localDay, parseCalendarDate, shiftDays } from "./calendar-date.js";

describe("calendar dates", () => {
  it("round-trips dates, including years below 100 that Date would read as 19xx", () => {
    for (const date of ["2024-02-29", "1900-01-01", "2100-12-31", "0050-06-15", "9999-12-31"]) {
      expect(formatCalendarDate(parseCalendarDate(date, "date"))).toBe(date);
    }
  });

  it.each(["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "0000-01-01", "2024-1-01", "20240101", ""])(
    "rejects %j naming the field",
    (value) => {
      expect(() => parseCalendarDate(value, "startDate")).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "startDate" }) }),
      );
    },
  );

  it("adds and subtracts days across month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-27", 3)).toBe("2024-03-01");
    expect(addDays("2023-02-27", 3)).toBe("2023-03-02");
    expect(addDays("2025-01-02", -3)).toBe("2024-12-30");
    expect(addDays("2024-03-10", 0)).toBe("2024-03-10");
  });

  it("rejects fractional shifts and shifts that leave the four-digit years", () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as { extensions: { field: string } }).extensions.field;
      }
      return undefined;
    };
    expect(fieldOf(() => addDays("2024-01-01", 1.5))).toBe("days");
    expect(fieldOf(() => addDays("9999-12-31", 1))).toBe("days");
    expect(fieldOf(() => addDays("2024-01-01", 1e15))).toBe("days");
    expect(fieldOf(() => addDays("2024-02-30", 1))).toBe("date");
  });
});

describe("calendar date arithmetic", () => {
  it("round-trips dates, including years below 100 that Date would read as 19xx", () => {
    for (const date of ["2024-02-29", "0050-06-15", "0001-01-01", "9999-12-31"]) {
      expect(formatCalendarDate(parseCalendarDate(date, "date"))).toBe(date);
    }
  });

  it.each(["2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01", "2024-1-01", "", 20240101])("rejects %j naming the field", (value) => {
    expect(() => parseCalendarDate(value, "today")).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "today" }) }),
    );
  });

  it("counts and shifts whole days across leap days and year ends", () => {
    const d = (iso: string) => parseCalendarDate(iso, "date");
    expect(daysFrom(d("2024-02-28"), d("2024-03-01"))).toBe(2);
    expect(daysFrom(d("2023-02-28"), d("2023-03-01"))).toBe(1);
    expect(formatCalendarDate(shiftDays(d("2025-01-02"), -3))).toBe("2024-12-30");
  });
});

describe("a user's today", () => {
  it("is the calendar day in their time zone, and UTC for an unknown zone", () => {
    const instant = new Date("2026-11-30T22:30:00Z");
    expect(localDay(instant, "UTC")).toBe("2026-11-30");
    expect(localDay(instant, "Australia/Sydney")).toBe("2026-12-01");
    expect(localDay(new Date("2026-12-01T03:00:00Z"), "America/Los_Angeles")).toBe("2026-11-30");
    expect(localDay(instant, "Not/AZone")).toBe("2026-11-30");
  });
});
