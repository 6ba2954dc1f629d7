// Test support only: questions built from templates, periods of every shape the parser reads (and
// some it must refuse), and days to ask them on from 1900 to 2100, biased to month ends and leap days.
import fc from "fast-check";

import type { QuestionContext } from "./question.query.js";

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2100, 11, 31) / DAY_MS;
const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const askDay: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    fc
      .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 0, max: 11 }), back: fc.integer({ min: 0, max: 2 }) })
      .map(({ year, month, back }) => Date.UTC(year, month + 1, -back) / DAY_MS),
    fc
      .record({ year: fc.integer({ min: 1900, max: 2100 }), day: fc.integer({ min: 1, max: 3 }) })
      .map(({ year, day }) => Date.UTC(year, 0, day) / DAY_MS),
  )
  .map(isoOfDay);

export const CATEGORIES: QuestionContext["categories"] = [
  { id: "groceries", name: "Groceries", parentId: null },
  { id: "dining", name: "Food & Dining", parentId: null },
  { id: "restaurants", name: "Restaurants", parentId: "dining" },
  { id: "salary", name: "Salary", parentId: null },
];

const MONTHS = ["january", "February", "march", "Apr", "may", "june", "jul", "August", "sept", "october", "nov", "December"];
const UNITS = ["day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"];

/** Periods that look back from today, each within 50 years of it: days up to today that are recorded ones from 1960 on. */
export const pastPeriod: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("last month", "this month", "this year", "last year", "this week", "last week", "last quarter", "this quarter"),
  fc.constantFrom("year to date", "ytd", "today", "yesterday", "in the past year", "in the past month", "past week", ""),
  fc.tuple(fc.constantFrom("last", "past", "previous"), fc.integer({ min: 1, max: 24 }), fc.constantFrom(...UNITS)).map((p) => p.join(" ")),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom(...UNITS)).map(([n, unit]) => `${n} ${unit} ago`),
  fc.tuple(fc.constantFrom("in", "last", "during"), fc.constantFrom(...MONTHS)).map((p) => p.join(" ")),
  fc.tuple(fc.constantFrom("in", "last"), fc.constantFrom("Q1", "q2", "third quarter", "4th quarter")).map((p) => p.join(" ")),
  fc.constantFrom("on monday", "last friday", "sunday", "since march", "since january 5", "on dec 31", "on feb 29"),
);

/** Any period the parser reads or refuses: past, future, explicit, joined, out of range. */
export const anyPeriod: fc.Arbitrary<string> = fc.oneof(
  pastPeriod,
  fc.integer({ min: 1850, max: 2150 }).map((year) => `in ${year}`),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(...UNITS)).map(([n, unit]) => `in the last ${n} ${unit}`),
  fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1890, max: 2110 })).map(([month, year]) => `in ${month} ${year}`),
  fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 31 })).map(([month, day]) => `on ${month} ${day}`),
  fc
    .tuple(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([y, m, d]) => `on ${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.tuple(fc.constantFrom(...MONTHS), fc.constantFrom(...MONTHS)).map(([a, b]) => `from ${a} to ${b}`),
  fc.tuple(fc.integer({ min: 1895, max: 2105 }), fc.integer({ min: 1895, max: 2105 })).map(([a, b]) => `between ${a} and ${b}`),
  fc.constantFrom("next month", "tomorrow", "in 3 weeks", "this december", "until june", "last 0 days", "on 2/30/2025"),
);

const TEMPLATES: ReadonlyArray<(period: string, other: string) => string> = [
  (p) => `How much did I spend on restaurants ${p}?`,
  (p) => `what did I spend at Amazon ${p}`,
  (p) => `what were my biggest expenses ${p}?`,
  (p) => `top 5 purchases ${p}`,
  (p, q) => `compare groceries ${p} vs ${q}`,
  (p) => `compare food ${p}`,
  (p) => `where did my money go ${p}?`,
  (p) => `savings rate ${p}`,
  (p) => `how much did I earn ${p}`,
];
/** Two periods that need not touch: not one question unless they do. */
const TWO_PERIODS = (p: string, q: string): string => `groceries ${p} and ${q}`;

/** A question about one period, or two compared. */
export const question = (period: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...TEMPLATES), period, period).map(([template, p, q]) => template(p, q).replace(/\s+/g, " "));

/** Any question, two periods that may be none included. */
export const anyQuestion = (period: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...TEMPLATES, TWO_PERIODS), period, period).map(([template, p, q]) => template(p, q).replace(/\s+/g, " "));
