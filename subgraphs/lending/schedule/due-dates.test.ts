import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { dueDate } from "./due-dates.js";

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

describe("due dates", () => {
  it("keeps a Jan 31 loan on the last day of shorter months and back on the 31st after them", () => {
    const dates = Array.from({ length: 13 }, (_, i) => dueDate("2024-01-31", i + 1));
    expect(dates).toEqual([
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
      "2024-05-31",
      "2024-06-30",
      "2024-07-31",
      "2024-08-31",
      "2024-09-30",
      "2024-10-31",
      "2024-11-30",
      "2024-12-31",
      "2025-01-31",
      "2025-02-28",
    ]);
  });

  it("falls on Feb 28 in common years and Feb 29 in leap years, 2000 included and 2100 not", () => {
    expect(dueDate("2023-01-31", 1)).toBe("2023-02-28");
    expect(dueDate("2024-02-29", 12)).toBe("2025-02-28");
    expect(dueDate("2024-02-29", 13)).toBe("2025-03-29");
    expect(dueDate("2024-02-29", 48)).toBe("2028-02-29");
    expect(dueDate("1999-12-30", 2)).toBe("2000-02-29");
    expect(dueDate("2099-12-31", 2)).toBe("2100-02-28");
    expect(dueDate("2024-01-30", 1)).toBe("2024-02-29");
    expect(dueDate("2024-01-30", 2)).toBe("2024-03-30");
  });

  it("is the start itself for k = 0 and runs to 600 months, past 2100", () => {
    expect(dueDate("2024-05-17", 0)).toBe("2024-05-17");
    expect(dueDate("2100-12-31", 600)).toBe("2150-12-31");
  });

  it("refuses a start that is not a date between 1900 and 2100 on startDate", () => {
    for (const start of ["2023-02-29", "1899-12-31", "2101-01-01", "31/01/2024", ""]) {
      expect(() => dueDate(start, 1)).toThrow(badInputOn("startDate"));
    }
  });

  it("refuses installment numbers that are negative, fractional or past 600", () => {
    for (const k of [-1, 1.5, 601, Number.NaN]) {
      expect(() => dueDate("2024-01-31", k)).toThrow(new RangeError(`installment number must be a whole number from 0 to 600, got ${k}`));
    }
  });

  it("is always the start's day or the end of a shorter month, exactly k calendar months later", () => {
    const start = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    });
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 600 }), ({ year, month, day }, k) => {
        // Independent of date-fns: Date.UTC(y, m, 0) is the last day of month m (1-based).
        const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
        fc.pre(day <= lastDay(year, month));
        const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const months = month - 1 + k;
        const [y, m] = [year + Math.floor(months / 12), (months % 12) + 1];
        const expected = `${y}-${String(m).padStart(2, "0")}-${String(Math.min(day, lastDay(y, m))).padStart(2, "0")}`;
        expect(dueDate(iso, k)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
