import { describe, expect, it } from "vitest";

import { addDays, calendarDate, daysFrom, formatCalendarDate, localDay, parseCalendarDate, shiftDays } from "./calendar-date.js";

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

/** What a client reads from a refused date: the error's field and message. */
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: { code: string; field: string }; message: string };
    return { code: extensions.code, field: extensions.field, message };
  }
  throw new Error("expected a refusal");
};

describe("what a refused date tells the user", () => {
  it("says how to write a date, and which value is not a day of the calendar", () => {
    expect(refusal(() => parseCalendarDate("1/2/2024", "startDate"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "startDate",
      message: "startDate must be a date written YYYY-MM-DD",
    });
    expect(refusal(() => parseCalendarDate("2023-02-29", "startDate")).message).toBe("startDate is not a calendar date: 2023-02-29");
  });

  it("refuses day 00, and a value that is not a string even when it prints as a date", () => {
    expect(refusal(() => parseCalendarDate("2024-01-00", "date")).message).toBe("date is not a calendar date: 2024-01-00");
    for (const value of [["2024-01-01"], { toString: () => "2024-01-01" }]) {
      expect(refusal(() => parseCalendarDate(value, "date")).message).toBe("date must be a date written YYYY-MM-DD");
    }
  });

  it("says why a shift was refused", () => {
    expect(refusal(() => addDays("2024-01-01", 0.5)).message).toBe("days must be a whole number");
    expect(refusal(() => addDays("0001-01-01", -1)).message).toBe("days moves the date outside the years 0001..9999");
  });
});

describe("the first and last four-digit days", () => {
  it("shifts onto 0001-01-01 and 9999-12-31, and no further", () => {
    expect(addDays("0001-01-02", -1)).toBe("0001-01-01");
    expect(addDays("9999-12-30", 1)).toBe("9999-12-31");
    expect(refusal(() => addDays("0001-01-01", -1)).field).toBe("days");
  });
});

describe("calendarDate (the days money is recorded for)", () => {
  it("accepts real days from 1900-01-01 to 2100-12-31 as written", () => {
    for (const day of ["1900-01-01", "2024-02-29", "2100-12-31"]) expect(calendarDate(day)).toBe(day);
  });

  it("refuses a day outside 1900..2100, or no day at all, naming the field (date unless told)", () => {
    expect(refusal(() => calendarDate("1899-12-31", "bookedOn"))).toEqual({
      code: "BAD_USER_INPUT",
      field: "bookedOn",
      message: "bookedOn must be between 1900-01-01 and 2100-12-31",
    });
    expect(refusal(() => calendarDate("2101-01-01")).field).toBe("date");
    expect(refusal(() => calendarDate("2024-02-30")).field).toBe("date");
  });
});
