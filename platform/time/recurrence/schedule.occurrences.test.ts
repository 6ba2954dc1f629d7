import { describe, expect, it } from "vitest";

import { nextOccurrenceAfter, nextOccurrenceOnOrAfter, occurrencesBetween, type ScheduleRule } from "./index.js";

const fieldOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: { field: unknown } }).extensions.field;
  }
  return undefined;
};

describe("monthly schedules", () => {
  it("on the 31st falls on each month's last day and returns to the 31st after short months", () => {
    const rule: ScheduleRule = { frequency: "MONTHLY", interval: 1, startDate: "2027-01-31" };
    expect(occurrencesBetween(rule, "2027-01-01", "2028-03-31")).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
      "2027-06-30",
      "2027-07-31",
      "2027-08-31",
      "2027-09-30",
      "2027-10-31",
      "2027-11-30",
      "2027-12-31",
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
    ]);
  });

  it("on the 30th uses Feb 28 or 29 and the 30th everywhere else", () => {
    const rule: ScheduleRule = { frequency: "MONTHLY", interval: 1, startDate: "2027-12-30" };
    expect(occurrencesBetween(rule, "2027-12-01", "2028-04-30")).toEqual([
      "2027-12-30",
      "2028-01-30",
      "2028-02-29",
      "2028-03-30",
      "2028-04-30",
    ]);
  });

  it("with a dayOfMonth starts at the first such day on or after startDate", () => {
    const later: ScheduleRule = { frequency: "MONTHLY", interval: 1, startDate: "2024-03-10", dayOfMonth: 5 };
    expect(occurrencesBetween(later, "2024-01-01", "2024-05-31")).toEqual(["2024-04-05", "2024-05-05"]);
    const sameMonth: ScheduleRule = { frequency: "MONTHLY", interval: 1, startDate: "2024-02-10", dayOfMonth: 31 };
    expect(occurrencesBetween(sameMonth, "2024-01-01", "2024-04-30")).toEqual(["2024-02-29", "2024-03-31", "2024-04-30"]);
  });

  it("every 3 months keeps the day and counts months from the first occurrence", () => {
    const rule: ScheduleRule = { frequency: "MONTHLY", interval: 3, startDate: "2024-11-30" };
    expect(occurrencesBetween(rule, "2024-01-01", "2025-12-31")).toEqual([
      "2024-11-30",
      "2025-02-28",
      "2025-05-30",
      "2025-08-30",
      "2025-11-30",
    ]);
  });
});

describe("weekly, daily and yearly schedules", () => {
  it("every 2 weeks keeps startDate's weekday", () => {
    const rule: ScheduleRule = { frequency: "WEEKLY", interval: 2, startDate: "2024-02-16" };
    expect(occurrencesBetween(rule, "2024-02-01", "2024-04-15")).toEqual([
      "2024-02-16",
      "2024-03-01",
      "2024-03-15",
      "2024-03-29",
      "2024-04-12",
    ]);
  });

  it("every 10 days crosses a leap day without slipping", () => {
    const rule: ScheduleRule = { frequency: "DAILY", interval: 10, startDate: "2024-02-09" };
    expect(occurrencesBetween(rule, "2024-02-10", "2024-03-20")).toEqual(["2024-02-19", "2024-02-29", "2024-03-10", "2024-03-20"]);
  });

  it("yearly from Feb 29 uses Feb 28 in common years and Feb 29 in leap years", () => {
    const rule: ScheduleRule = { frequency: "YEARLY", interval: 1, startDate: "2024-02-29" };
    expect(occurrencesBetween(rule, "2020-01-01", "2032-12-31")).toEqual([
      "2024-02-29",
      "2025-02-28",
      "2026-02-28",
      "2027-02-28",
      "2028-02-29",
      "2029-02-28",
      "2030-02-28",
      "2031-02-28",
      "2032-02-29",
    ]);
  });

  it("yearly skips 2100, which is not a leap year", () => {
    const rule: ScheduleRule = { frequency: "YEARLY", interval: 4, startDate: "2096-02-29" };
    expect(occurrencesBetween(rule, "2000-01-01", "2200-01-01")).toEqual(["2096-02-29", "2100-02-28"]);
  });
});

describe("windows and ends", () => {
  const weekly: ScheduleRule = { frequency: "WEEKLY", interval: 1, startDate: "2024-01-01", endDate: "2024-01-29" };

  it("includes endDate when it is an occurrence, and nothing after it", () => {
    expect(occurrencesBetween(weekly, "2023-06-01", "2025-01-01")).toEqual([
      "2024-01-01",
      "2024-01-08",
      "2024-01-15",
      "2024-01-22",
      "2024-01-29",
    ]);
  });

  it("includes both window bounds", () => {
    expect(occurrencesBetween(weekly, "2024-01-08", "2024-01-22")).toEqual(["2024-01-08", "2024-01-15", "2024-01-22"]);
    expect(occurrencesBetween(weekly, "2024-01-09", "2024-01-14")).toEqual([]);
  });

  it("returns nothing for a window before startDate, after endDate, or with from after to", () => {
    expect(occurrencesBetween(weekly, "2023-01-01", "2023-12-31")).toEqual([]);
    expect(occurrencesBetween(weekly, "2024-01-30", "2024-12-31")).toEqual([]);
    expect(occurrencesBetween(weekly, "2024-01-20", "2024-01-10")).toEqual([]);
  });

  it("stops at the limit, default 1000", () => {
    const daily: ScheduleRule = { frequency: "DAILY", interval: 1, startDate: "2000-01-01" };
    expect(occurrencesBetween(daily, "2000-01-01", "2100-12-31")).toHaveLength(1000);
    expect(occurrencesBetween(daily, "2000-01-01", "2100-12-31", 2)).toEqual(["2000-01-01", "2000-01-02"]);
    expect(occurrencesBetween(daily, "2000-01-01", "2100-12-31", 0)).toEqual([]);
    expect(fieldOf(() => occurrencesBetween(daily, "2000-01-01", "2100-12-31", -1))).toBe("limit");
    expect(fieldOf(() => occurrencesBetween(daily, "2000-01-01", "2100-12-31", 1.5))).toBe("limit");
  });

  it("rejects malformed window dates naming from or to", () => {
    expect(fieldOf(() => occurrencesBetween(weekly, "2024-02-30", "2024-03-01"))).toBe("from");
    expect(fieldOf(() => occurrencesBetween(weekly, "2024-02-01", "tomorrow"))).toBe("to");
    expect(fieldOf(() => nextOccurrenceAfter(weekly, "2024/01/01"))).toBe("date");
    expect(fieldOf(() => nextOccurrenceOnOrAfter(weekly, "2024/01/01"))).toBe("date");
  });

  it("says why a limit was refused", () => {
    const daily: ScheduleRule = { frequency: "DAILY", interval: 1, startDate: "2000-01-01" };
    expect(() => occurrencesBetween(daily, "2000-01-01", "2000-12-31", -1)).toThrow("limit must be a whole number, zero or more");
  });

  it("ends a schedule without endDate at 2100-12-31", () => {
    const yearly: ScheduleRule = { frequency: "YEARLY", interval: 1, startDate: "2000-12-31" };
    expect(nextOccurrenceAfter(yearly, "2100-12-31")).toBeNull();
    expect(nextOccurrenceOnOrAfter(yearly, "2100-12-31")).toBe("2100-12-31");
  });

  it("jumps straight to a far-future window instead of walking from startDate", () => {
    const daily: ScheduleRule = { frequency: "DAILY", interval: 1, startDate: "1900-01-01" };
    const started = performance.now();
    for (let i = 0; i < 1000; i++) expect(nextOccurrenceOnOrAfter(daily, "2100-12-31")).toBe("2100-12-31");
    expect(performance.now() - started).toBeLessThan(2000);
    const monthly: ScheduleRule = { frequency: "MONTHLY", interval: 7, startDate: "1900-01-31" };
    // 2400 months after Jan 1900 is Jan 2100, and 2401 = 7 · 343: Feb 2100.
    expect(occurrencesBetween(monthly, "2100-01-01", "2100-12-31")).toEqual(["2100-02-28", "2100-09-30"]);
  });
});

describe("next occurrence", () => {
  const rule: ScheduleRule = { frequency: "MONTHLY", interval: 1, startDate: "2024-01-31", endDate: "2024-04-30" };

  it("on or after a date includes that date; after it does not", () => {
    expect(nextOccurrenceOnOrAfter(rule, "2024-02-29")).toBe("2024-02-29");
    expect(nextOccurrenceAfter(rule, "2024-02-29")).toBe("2024-03-31");
    expect(nextOccurrenceAfter(rule, "2024-03-01")).toBe("2024-03-31");
  });

  it("gives the first occurrence for a date before startDate", () => {
    expect(nextOccurrenceOnOrAfter(rule, "1850-01-01")).toBe("2024-01-31");
    expect(nextOccurrenceAfter(rule, "2024-01-30")).toBe("2024-01-31");
  });

  it("is null once past endDate", () => {
    expect(nextOccurrenceOnOrAfter(rule, "2024-04-30")).toBe("2024-04-30");
    expect(nextOccurrenceAfter(rule, "2024-04-30")).toBeNull();
    expect(nextOccurrenceOnOrAfter(rule, "2024-05-01")).toBeNull();
    expect(nextOccurrenceAfter(rule, "9999-12-31")).toBeNull();
  });
});
