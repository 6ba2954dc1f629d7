import { MIN_RECORD_DATE } from "../../../platform/time/index.js";
import {
  existingDate,
  FIRST_YEAR,
  LAST_YEAR,
  monthRange,
  partsOf,
  type PeriodUnit,
  quarterRange,
  shiftDays,
  shiftUnits,
  unitRange,
  weekdayOf,
  yearRange,
} from "./question.dates.js";
import type { DateRange } from "./question.query.js";

/** A period as the words name it, before it is cut at today. */
export interface NamedPeriod {
  range: DateRange;
  /** Set when the words name one whole calendar unit ("March", "last year"), for like-for-like comparisons. */
  unit?: PeriodUnit;
  /** The year was not said: it is the latest one not after today, and "from December to March" may move it back. */
  yearGuessed?: boolean;
  /** Both ends were said ("March 3 to April 10"): "from" before it does not run it to today. */
  closed?: boolean;
}

export interface RuleContext {
  today: string;
  firstDayOfWeek: number;
  /** The question before the match, for words that are months only in context ("may"). */
  before: string;
}

export type PeriodProblemKind = "NOT_A_DATE" | "OUT_OF_RANGE" | "EMPTY_PERIOD";

/** A match is a period, a period that cannot be (reported, never rolled over), or not a period after all. */
export type RuleResult = NamedPeriod | { problem: PeriodProblemKind; text: string } | null;

interface PeriodRule {
  pattern: RegExp;
  read(match: RegExpExecArray, context: RuleContext): RuleResult;
}

const MONTH_NAMES = "january february march april may june july august september october november december".split(" ");
// Longer spellings first, so that "sept" is not read as "sep" followed by a stray "t".
const MONTH_WORDS = [...MONTH_NAMES, "sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].join("|");
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  ...Object.fromEntries("one two three four five six seven eight nine ten eleven twelve".split(" ").map((word, i) => [word, i + 1])),
};
const COUNT = `\\d{1,4}|${Object.keys(NUMBER_WORDS).join("|")}`;
const UNIT = "day|week|month|quarter|year";
const YEAR = "(?:19\\d{2}|20\\d{2}|2100)(?![\\d/-])";
const WHICH_YEAR = `${YEAR}|this year|last year`;
const QUARTER_ORDINALS: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4 };
/** Words before "may" that make it the month rather than the verb ("in May", not "may I"). */
const BEFORE_MAY = new Set("in during for of since from to until between and vs versus than last this".split(" "));
// Spans longer than the recorded years reach before any recorded day whatever today is.
const MAX_MONTHS_BACK = 12 * (LAST_YEAR - FIRST_YEAR + 1);
const MAX_DAYS_BACK = 31 * MAX_MONTHS_BACK;

const countOf = (word: string): number => NUMBER_WORDS[word] ?? Number(word);
const unitOf = (word: string): PeriodUnit | "day" => word.replace(/s$/, "") as PeriodUnit | "day";

/** The year of "2025", "this year" or "last year". */
function namedYear(words: string, today: string): number {
  const { year } = partsOf(today);
  if (words === "this year") return year;
  if (words === "last year") return year - 1;
  return Number(words);
}

/** The day `count` units before today, or null when that is before any recorded day. */
function unitsBefore(today: string, count: number, unit: PeriodUnit | "day"): string | null {
  const months = unit === "month" ? count : unit === "quarter" ? 3 * count : unit === "year" ? 12 * count : 0;
  const days = unit === "day" ? count : unit === "week" ? 7 * count : 0;
  if (months > MAX_MONTHS_BACK || days > MAX_DAYS_BACK) return null;
  const day = unit === "day" ? shiftDays(today, -count) : shiftUnits(today, unit, -count);
  return day < MIN_RECORD_DATE ? null : day;
}

/** `count` units up to and including today: "last 30 days" are today and the 29 days before it. */
function rolling(text: string, count: number, unit: PeriodUnit | "day", today: string): RuleResult {
  if (count < 1) return { problem: "EMPTY_PERIOD", text };
  const before = unitsBefore(today, count, unit);
  return { range: { from: before === null ? MIN_RECORD_DATE : shiftDays(before, 1), to: today } };
}

/** The latest `unit` numbered `index` (a month 1..12 or a quarter 1..4) that has started by today. */
function latestYear(index: number, todayIndex: number, today: string, strictlyBefore: boolean): number {
  const { year } = partsOf(today);
  return index < todayIndex || (index === todayIndex && !strictlyBefore) ? year : year - 1;
}

/**
 * Phrases read in this order, each match taken out of the question before the next rule runs: a
 * month with its year before the year alone, "March last year" before "last year".
 */
export const PERIOD_RULES: PeriodRule[] = [
  {
    pattern: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    read: ([text, year, month, day]) => {
      const date = existingDate(Number(year), Number(month), Number(day));
      return date === null ? { problem: "NOT_A_DATE", text: text! } : { range: { from: date, to: date } };
    },
  },
  {
    pattern: new RegExp(`\\b(${COUNT}) (${UNIT})s? ago\\b`, "g"),
    read: ([text, count, unit], { today }) => {
      const day = unitsBefore(today, countOf(count!), unitOf(unit!));
      return day === null ? { problem: "OUT_OF_RANGE", text: text! } : { range: { from: day, to: day } };
    },
  },
  {
    pattern: new RegExp(`\\b(?:last|past|previous|prior|trailing) (${COUNT}) (${UNIT})s?\\b`, "g"),
    read: ([text, count, unit], { today }) => rolling(text!, countOf(count!), unitOf(unit!), today),
  },
  {
    // "March", "last March", "March 2025", "March of last year"; not "March 3" or "3rd of March", which are days.
    pattern: new RegExp(
      `(?<!\\d(?:st|nd|rd|th)? (?:of )?)\\b(?:(last|this) )?(${MONTH_WORDS})\\b\\.?(?:,? (?:of |in )?(${WHICH_YEAR})\\b|(?! ?\\d))`,
      "g",
    ),
    read: ([, modifier, word, yearWords], { today, before }) => {
      const month = MONTH_NAMES.findIndex((name) => name.startsWith(word!)) + 1;
      if (word === "may" && !modifier && !yearWords && !BEFORE_MAY.has(before.trim().split(" ").at(-1) ?? "")) return null;
      if (yearWords) return { range: monthRange(namedYear(yearWords, today), month), unit: "month" };
      const { year, month: thisMonth } = partsOf(today);
      if (modifier === "this") return { range: monthRange(year, month), unit: "month" };
      return { range: monthRange(latestYear(month, thisMonth, today, modifier === "last"), month), unit: "month", yearGuessed: !modifier };
    },
  },
  {
    pattern: new RegExp(
      `\\b(?:(last|this) )?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)(?: (?:of |in )?(${WHICH_YEAR}))?\\b`,
      "g",
    ),
    read: ([, modifier, digit, ordinal, yearWords], { today }) => {
      const quarter = digit ? Number(digit) : QUARTER_ORDINALS[ordinal!]!;
      if (yearWords) return { range: quarterRange(namedYear(yearWords, today), quarter), unit: "quarter" };
      const { year, month } = partsOf(today);
      if (modifier === "this") return { range: quarterRange(year, quarter), unit: "quarter" };
      const thisQuarter = Math.ceil(month / 3);
      const range = quarterRange(latestYear(quarter, thisQuarter, today, modifier === "last"), quarter);
      return { range, unit: "quarter", yearGuessed: !modifier };
    },
  },
  {
    pattern: /\b(?:last|previous|prior) (week|month|quarter|year)\b/g,
    read: ([, unit], { today, firstDayOfWeek }) => {
      const u = unit as PeriodUnit;
      return { range: unitRange(u, shiftUnits(today, u, -1), firstDayOfWeek), unit: u };
    },
  },
  {
    pattern: /\b(?:this|current|the current) (week|month|quarter|year)\b|\b(week|month|quarter|year)[ -]to[ -]date\b|\b(w|m|q|y)td\b/g,
    read: ([, named, toDate, short], { today, firstDayOfWeek }) => {
      const unit = (named ?? toDate ?? { w: "week", m: "month", q: "quarter", y: "year" }[short!]) as PeriodUnit;
      return { range: unitRange(unit, today, firstDayOfWeek), unit };
    },
  },
  {
    // Read so that the answer can say they have not happened yet, rather than fall back to this month.
    pattern: new RegExp(
      `\\b(?:next|coming|upcoming) (?:(?:${COUNT}) )?(?:${UNIT})s?\\b|\\btomorrow\\b|\\bin (?:${COUNT}) (?:${UNIT})s?\\b`,
      "g",
    ),
    read: (_, { today }) => ({ range: { from: shiftDays(today, 1), to: shiftDays(today, 1) } }),
  },
  {
    pattern: /\bpast (day|week|month|quarter|year)\b/g,
    read: ([text, unit], { today }) => rolling(text!, 1, unitOf(unit!), today),
  },
  {
    pattern: new RegExp(`\\b(?:(last|this|on) )?(${WEEKDAYS.join("|")})\\b`, "g"),
    read: ([, modifier, name], { today }) => {
      let back = (weekdayOf(today) - WEEKDAYS.indexOf(name!) + 7) % 7;
      if (back === 0 && modifier === "last") back = 7;
      const day = shiftDays(today, -back);
      return { range: { from: day, to: day } };
    },
  },
  {
    pattern: /\b(today|yesterday)\b/g,
    read: ([, word], { today }) => {
      const day = word === "today" ? today : shiftDays(today, -1);
      return { range: { from: day, to: day } };
    },
  },
];

/**
 * Read after chrono's explicit dates: a year on its own (so that the year of "March 3, 2025" stays
 * with its day), a year outside the recorded ones when the words make it a year ("in 1850"), and
 * what looks like a date but is none.
 */
export const LATE_RULES: PeriodRule[] = [
  {
    pattern: new RegExp(`(?<![\\d/.-])\\b(?:the year )?(${YEAR})`, "g"),
    read: ([, year]) => ({ range: yearRange(Number(year)), unit: "year" }),
  },
  {
    pattern: /\b(?:in|during|for|of|since|from|year|between|and|to|vs) (\d{4})\b(?![/.-]\d)/g,
    read: ([text]) => ({ problem: "OUT_OF_RANGE", text: text! }),
  },
  {
    // Whatever still looks like a date was not one ("2/29/2025"): said so, rather than quietly dropped.
    pattern: /\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b/g,
    read: ([text]) => ({ problem: "NOT_A_DATE", text: text! }),
  },
];
