import { describe, expect, it } from "vitest";

import { nextPeriod, type Period, periodContaining, type PeriodKind, periodsBetween, previousPeriod } from "./index.js";

const prefs = (monthStartDay: number, firstDayOfWeek = 1) => ({ firstDayOfWeek, monthStartDay });
const period = (start: string, end: string, days: number): Period => ({ start, end, days });

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    const { extensions } = error as { extensions: { code: string; field: string } };
    expect(extensions.code).toBe("BAD_USER_INPUT");
    return extensions.field;
  }
  throw new Error("expected BAD_USER_INPUT");
}

describe("monthly periods", () => {
  it("start on monthStartDay: 2026-11-03 with day 25 is in 2026-10-25..2026-11-24", () => {
    expect(periodContaining("MONTHLY", "2026-11-03", prefs(25))).toEqual(period("2026-10-25", "2026-11-24", 31));
  });

  it.each([
    ["2026-12-24", period("2026-11-25", "2026-12-24", 30)],
    ["2026-12-25", period("2026-12-25", "2027-01-24", 31)],
    ["2027-01-10", period("2026-12-25", "2027-01-24", 31)],
    ["2027-01-25", period("2027-01-25", "2027-02-24", 31)],
  ])("cross the year boundary with day 25: %s", (date, expected) => {
    expect(periodContaining("MONTHLY", date, prefs(25))).toEqual(expected);
  });

  it.each([
    ["2024-03-01", 25, period("2024-02-25", "2024-03-24", 29)],
    ["2023-03-01", 25, period("2023-02-25", "2023-03-24", 28)],
    ["2024-02-29", 1, period("2024-02-01", "2024-02-29", 29)],
    ["2000-02-15", 1, period("2000-02-01", "2000-02-29", 29)],
    ["2100-02-15", 1, period("2100-02-01", "2100-02-28", 28)],
    ["2024-02-29", 28, period("2024-02-28", "2024-03-27", 29)],
  ])("count leap Februaries: %s with day %i", (date, day, expected) => {
    expect(periodContaining("MONTHLY", date, prefs(day))).toEqual(expected);
  });

  it("step forwards and backwards through the year boundary", () => {
    const december = period("2026-12-25", "2027-01-24", 31);
    expect(nextPeriod("MONTHLY", december, prefs(25))).toEqual(period("2027-01-25", "2027-02-24", 31));
    expect(previousPeriod("MONTHLY", december, prefs(25))).toEqual(period("2026-11-25", "2026-12-24", 30));
  });
});

describe("quarterly and yearly periods", () => {
  it.each([
    ["2026-05-15", 1, period("2026-04-01", "2026-06-30", 91)],
    ["2026-01-10", 25, period("2025-10-25", "2026-01-24", 92)],
    ["2026-01-25", 25, period("2026-01-25", "2026-04-24", 90)],
    ["2024-04-24", 25, period("2024-01-25", "2024-04-24", 91)],
  ])("quarters start on monthStartDay of Jan/Apr/Jul/Oct: %s with day %i", (date, day, expected) => {
    expect(periodContaining("QUARTERLY", date, prefs(day))).toEqual(expected);
  });

  it.each([
    ["2024-07-01", 1, period("2024-01-01", "2024-12-31", 366)],
    ["2026-01-10", 25, period("2025-01-25", "2026-01-24", 365)],
    ["2028-01-24", 25, period("2027-01-25", "2028-01-24", 365)],
    ["2028-03-01", 25, period("2028-01-25", "2029-01-24", 366)],
  ])("years start on monthStartDay of January: %s with day %i", (date, day, expected) => {
    expect(periodContaining("YEARLY", date, prefs(day))).toEqual(expected);
  });

  it("step between quarters and years", () => {
    expect(nextPeriod("QUARTERLY", period("2025-10-25", "2026-01-24", 92), prefs(25))).toEqual(period("2026-01-25", "2026-04-24", 90));
    expect(previousPeriod("YEARLY", period("2024-01-01", "2024-12-31", 366), prefs(1))).toEqual(period("2023-01-01", "2023-12-31", 365));
  });
});

describe("weekly periods", () => {
  // 2026-11-03 is a Tuesday.
  it.each([
    [1, period("2026-11-02", "2026-11-08", 7)], // ISO 1 = Monday
    [7, period("2026-11-01", "2026-11-07", 7)], // ISO 7 = Sunday
    [2, period("2026-11-03", "2026-11-09", 7)],
    [6, period("2026-10-31", "2026-11-06", 7)],
  ])("start on firstDayOfWeek %i", (firstDayOfWeek, expected) => {
    expect(periodContaining("WEEKLY", "2026-11-03", prefs(1, firstDayOfWeek))).toEqual(expected);
  });

  it("span the year end and ignore monthStartDay", () => {
    expect(periodContaining("WEEKLY", "2027-01-01", prefs(25, 1))).toEqual(period("2026-12-28", "2027-01-03", 7));
    expect(nextPeriod("WEEKLY", period("2026-12-27", "2027-01-02", 7), prefs(25, 7))).toEqual(period("2027-01-03", "2027-01-09", 7));
  });
});

describe("periodsBetween", () => {
  it("lists every overlapping period, contiguous, partial ends included", () => {
    const found = periodsBetween("MONTHLY", "2026-11-03", "2027-02-01", prefs(25));
    expect(found.map((p) => p.start)).toEqual(["2026-10-25", "2026-11-25", "2026-12-25", "2027-01-25"]);
    expect(found.at(-1)!.end).toBe("2027-02-24");
    for (let i = 1; i < found.length; i++) expect(found[i]).toEqual(nextPeriod("MONTHLY", found[i - 1]!, prefs(25)));
  });

  it("gives one period for a single day and for a range inside one period", () => {
    expect(periodsBetween("YEARLY", "2026-03-01", "2026-03-01", prefs(1))).toEqual([period("2026-01-01", "2026-12-31", 365)]);
    expect(periodsBetween("WEEKLY", "2026-11-02", "2026-11-08", prefs(1, 1))).toHaveLength(1);
  });

  it("refuses more than limit periods rather than cutting the list short", () => {
    expect(periodsBetween("MONTHLY", "2026-01-01", "2026-12-31", prefs(1), 12)).toHaveLength(12);
    expect(fieldOf(() => periodsBetween("MONTHLY", "2026-01-01", "2026-12-31", prefs(1), 11))).toBe("limit");
    expect(fieldOf(() => periodsBetween("WEEKLY", "1900-01-01", "2100-01-01", prefs(1)))).toBe("limit");
    expect(fieldOf(() => periodsBetween("MONTHLY", "2026-01-01", "2026-12-31", prefs(1), 0))).toBe("limit");
  });

  it("refuses a range that runs backwards", () => {
    expect(fieldOf(() => periodsBetween("MONTHLY", "2026-02-01", "2026-01-31", prefs(1)))).toBe("to");
  });
});

describe("inputs", () => {
  it("takes firstDayOfWeek as identity stores it, ISO 1..7, and refuses JavaScript's Sunday = 0", () => {
    expect(fieldOf(() => periodContaining("WEEKLY", "2026-11-03", prefs(1, 0)))).toBe("firstDayOfWeek");
    expect(fieldOf(() => periodContaining("WEEKLY", "2026-11-03", prefs(1, 8)))).toBe("firstDayOfWeek");
    expect(fieldOf(() => periodContaining("MONTHLY", "2026-11-03", prefs(1, 1.5)))).toBe("firstDayOfWeek");
  });

  it.each([0, 29, 31, 2.5])("refuses monthStartDay %d", (day) => {
    expect(fieldOf(() => periodContaining("MONTHLY", "2026-11-03", prefs(day)))).toBe("monthStartDay");
  });

  it("refuses unknown kinds and malformed dates", () => {
    expect(fieldOf(() => periodContaining("DAILY" as PeriodKind, "2026-11-03", prefs(1)))).toBe("kind");
    expect(fieldOf(() => periodContaining("MONTHLY", "2026-02-30", prefs(1)))).toBe("date");
    expect(fieldOf(() => periodsBetween("MONTHLY", "2026-1-01", "2026-02-01", prefs(1)))).toBe("from");
  });

  it("refuses to step from a period that is not aligned to the preferences", () => {
    // Aligned to monthStartDay 1, asked about 25: likely preferences changed since it was stored.
    expect(fieldOf(() => nextPeriod("MONTHLY", period("2026-11-01", "2026-11-30", 30), prefs(25)))).toBe("period");
    expect(fieldOf(() => previousPeriod("WEEKLY", period("2026-11-02", "2026-11-08", 6), prefs(1, 1)))).toBe("period");
    expect(fieldOf(() => nextPeriod("MONTHLY", period("2026-11-01", "2026-11-31", 31), prefs(1)))).toBe("period.end");
  });

  it("refuses periods that would leave the years 0001..9999", () => {
    expect(fieldOf(() => periodContaining("MONTHLY", "0001-01-03", prefs(25)))).toBe("date");
    expect(fieldOf(() => periodContaining("MONTHLY", "9999-12-26", prefs(25)))).toBe("date");
    expect(periodContaining("MONTHLY", "9999-12-31", prefs(1))).toEqual(period("9999-12-01", "9999-12-31", 31));
    expect(fieldOf(() => nextPeriod("MONTHLY", period("9999-12-01", "9999-12-31", 31), prefs(1)))).toBe("period");
  });
});
