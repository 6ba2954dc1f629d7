import { describe, expect, it } from "vitest";

import { parseQuestion } from "./question.parser.js";
import type { DateRange, QuestionContext } from "./question.query.js";

const context = (today: string, firstDayOfWeek?: number): QuestionContext => ({ today, categories: [], firstDayOfWeek });

/** The range "how much did I spend <period>" runs, or the reason it runs none. */
function rangeOf(period: string, today: string, firstDayOfWeek?: number): DateRange | string {
  const parsed = parseQuestion(`How much did I spend ${period}?`, context(today, firstDayOfWeek));
  if (!parsed.understood) return parsed.answer.reason;
  if (parsed.query.kind !== "SPENDING_TOTAL") throw new Error(`read as ${parsed.query.kind}`);
  return parsed.query.range;
}

const range = (from: string, to: string): DateRange => ({ from, to });

describe("periods in questions, with today pinned", () => {
  // 2026-11-15 is a Sunday.
  const today = "2026-11-15";

  it.each([
    ["last month", range("2026-10-01", "2026-10-31")],
    ["this month", range("2026-11-01", "2026-11-15")],
    ["this year", range("2026-01-01", "2026-11-15")],
    ["so far this year", range("2026-01-01", "2026-11-15")],
    ["year to date", range("2026-01-01", "2026-11-15")],
    ["ytd", range("2026-01-01", "2026-11-15")],
    ["last year", range("2025-01-01", "2025-12-31")],
    ["in 2025", range("2025-01-01", "2025-12-31")],
    ["in 2026", range("2026-01-01", "2026-11-15")],
    ["in March", range("2026-03-01", "2026-03-31")],
    ["in December", range("2025-12-01", "2025-12-31")],
    ["in November", range("2026-11-01", "2026-11-15")],
    ["last November", range("2025-11-01", "2025-11-30")],
    ["in March 2024", range("2024-03-01", "2024-03-31")],
    ["in March of last year", range("2025-03-01", "2025-03-31")],
    ["in sept. 2025", range("2025-09-01", "2025-09-30")],
    ["in May", range("2026-05-01", "2026-05-31")],
    ["last quarter", range("2026-07-01", "2026-09-30")],
    ["this quarter", range("2026-10-01", "2026-11-15")],
    ["in Q1", range("2026-01-01", "2026-03-31")],
    ["in the first quarter of 2024", range("2024-01-01", "2024-03-31")],
    ["in the last 30 days", range("2026-10-17", "2026-11-15")],
    ["in the past 2 weeks", range("2026-11-02", "2026-11-15")],
    ["over the last three months", range("2026-08-16", "2026-11-15")],
    ["in the past year", range("2025-11-16", "2026-11-15")],
    ["last week", range("2026-11-02", "2026-11-08")],
    ["this week", range("2026-11-09", "2026-11-15")],
    ["today", range("2026-11-15", "2026-11-15")],
    ["yesterday", range("2026-11-14", "2026-11-14")],
    ["3 days ago", range("2026-11-12", "2026-11-12")],
    ["on Monday", range("2026-11-09", "2026-11-09")],
    ["last Sunday", range("2026-11-08", "2026-11-08")],
    ["on 2025-06-30", range("2025-06-30", "2025-06-30")],
    ["on March 3, 2025", range("2025-03-03", "2025-03-03")],
    ["on the 3rd of March 2025", range("2025-03-03", "2025-03-03")],
    ["on 12/03/2025", range("2025-12-03", "2025-12-03")],
    ["on Dec 31", range("2025-12-31", "2025-12-31")],
    ["from March 3 to April 10", range("2026-03-03", "2026-04-10")],
    ["from Dec 20 to Jan 5", range("2025-12-20", "2026-01-05")],
    ["between 2025-01-01 and 2025-03-31", range("2025-01-01", "2025-03-31")],
    ["from 2025-01-01 to 2025-03-31", range("2025-01-01", "2025-03-31")],
    ["from January to March", range("2026-01-01", "2026-03-31")],
    ["between 2023 and 2024", range("2023-01-01", "2024-12-31")],
    ["since January 5", range("2026-01-05", "2026-11-15")],
    ["since March", range("2026-03-01", "2026-11-15")],
    ["since 2024", range("2024-01-01", "2026-11-15")],
    ["in March and April", range("2026-03-01", "2026-04-30")],
    ["", range("2026-11-01", "2026-11-15")],
  ])("%s", (period, expected) => {
    expect(rangeOf(period, today)).toEqual(expected);
  });

  it("counts weeks from the user's first day of the week", () => {
    // Sunday-first: the week holding Sunday Nov 15 starts that day; the week before is Nov 8..14.
    expect(rangeOf("this week", today, 0)).toEqual(range("2026-11-15", "2026-11-15"));
    expect(rangeOf("last week", today, 0)).toEqual(range("2026-11-08", "2026-11-14"));
    expect(rangeOf("last week", today, 6)).toEqual(range("2026-11-07", "2026-11-13"));
  });

  it("says when a period has not happened, is no date, or has no start", () => {
    expect(rangeOf("next month", today)).toBe("FUTURE_PERIOD");
    expect(rangeOf("tomorrow", today)).toBe("FUTURE_PERIOD");
    expect(rangeOf("in 2027", today)).toBe("FUTURE_PERIOD");
    expect(rangeOf("this December", today)).toBe("FUTURE_PERIOD");
    expect(rangeOf("on 2025-02-30", today)).toBe("UNCLEAR_PERIOD");
    expect(rangeOf("on 2/29/2025", today)).toBe("UNCLEAR_PERIOD");
    expect(rangeOf("in 1850", today)).toBe("UNCLEAR_PERIOD");
    expect(rangeOf("until June", today)).toBe("UNCLEAR_PERIOD");
    expect(rangeOf("in the last 0 days", today)).toBe("UNCLEAR_PERIOD");
    expect(rangeOf("in March and May", today)).toBe("UNCLEAR_PERIOD");
  });

  it("starts long spans at the first recorded day", () => {
    expect(rangeOf("in the last 9999 years", today)).toEqual(range("1900-01-01", "2026-11-15"));
  });
});

describe("periods around the turn of the year and in leap years", () => {
  it("reads 'last month' in January as December of the year before", () => {
    expect(rangeOf("last month", "2026-01-10")).toEqual(range("2025-12-01", "2025-12-31"));
    expect(rangeOf("last quarter", "2026-01-10")).toEqual(range("2025-10-01", "2025-12-31"));
    // Monday-first: Jan 10 2026 is a Saturday, its week began Monday Jan 5; the week before straddles the new year.
    expect(rangeOf("last week", "2026-01-10")).toEqual(range("2025-12-29", "2026-01-04"));
  });

  it("reads 'March' asked in February as last year's March, and in March as this March so far", () => {
    expect(rangeOf("in March", "2026-02-20")).toEqual(range("2025-03-01", "2025-03-31"));
    expect(rangeOf("in March", "2026-03-05")).toEqual(range("2026-03-01", "2026-03-05"));
    expect(rangeOf("last March", "2026-03-05")).toEqual(range("2025-03-01", "2025-03-31"));
    expect(rangeOf("in February", "2026-02-20")).toEqual(range("2026-02-01", "2026-02-20"));
  });

  it("gives February 29 days in leap years and the latest one when no year is said", () => {
    expect(rangeOf("in February 2024", "2026-11-15")).toEqual(range("2024-02-01", "2024-02-29"));
    expect(rangeOf("in February 2100", "2100-12-31")).toEqual(range("2100-02-01", "2100-02-28"));
    expect(rangeOf("on Feb 29", "2026-11-15")).toEqual(range("2024-02-29", "2024-02-29"));
    expect(rangeOf("on Feb 29", "2028-02-29")).toEqual(range("2028-02-29", "2028-02-29"));
    expect(rangeOf("in the past year", "2028-02-29")).toEqual(range("2027-03-01", "2028-02-29"));
    expect(rangeOf("in the last 2 months", "2028-04-30")).toEqual(range("2028-03-01", "2028-04-30"));
    // Mar 31 back one month is Feb 29 (clamped), so the month before today starts Mar 1.
    expect(rangeOf("in the past month", "2028-03-31")).toEqual(range("2028-03-01", "2028-03-31"));
    expect(rangeOf("last month", "2028-03-31")).toEqual(range("2028-02-01", "2028-02-29"));
  });

  it("keeps the first and last recorded years", () => {
    expect(rangeOf("last year", "1900-06-01")).toBe("UNCLEAR_PERIOD");
    expect(rangeOf("this year", "1900-06-01")).toEqual(range("1900-01-01", "1900-06-01"));
    expect(rangeOf("in 2100", "2100-12-31")).toEqual(range("2100-01-01", "2100-12-31"));
  });
});
