import * as chrono from "chrono-node";

import { existingDate, FIRST_YEAR, LAST_YEAR, monthRange, partsOf, shiftDays, shiftMonths } from "./question.dates.js";
import { LATE_RULES, type NamedPeriod, PERIOD_RULES, type PeriodProblemKind, type RuleResult } from "./question.period-rules.js";

/** A period and where its words are in the question. */
export interface FoundPeriod extends NamedPeriod {
  index: number;
  end: number;
}

export interface PeriodProblem {
  /** UNTIL: an end with no start ("until June"); BACKWARDS: a range that ends before it starts. */
  kind: PeriodProblemKind | "UNTIL" | "BACKWARDS";
  text: string;
}

export interface PeriodScan {
  /** In question order, "from X to Y" joined into one and "since X" run to today; not yet cut at today. */
  periods: FoundPeriod[];
  problems: PeriodProblem[];
  /** The question with each period's words replaced by a bar, for reading what else it says. */
  rest: string;
}

export interface ScanOptions {
  today: string;
  firstDayOfWeek: number;
  /** In a comparison "March to April" is two periods, unless "from" says it is one. */
  comparing: boolean;
}

/**
 * Finds the periods in a normalized question (lower case, single spaces). Relative words are read
 * by our own rules (`question.period-rules.ts`), so that "last month" is the whole calendar month
 * and "last 30 days" ends today; chrono reads explicit dates ("March 3, 2025", "12/03/2025", "Jan 5
 * to Feb 10"), of which only the parts it read are used: a missing year is the latest not after
 * today (chrono's own guess is the nearest, future ones included), and no date arithmetic of
 * chrono's is used, since it runs in the host's time zone.
 */
export function scanPeriods(text: string, options: ScanOptions): PeriodScan {
  let rest = text;
  const found: FoundPeriod[] = [];
  const problems: PeriodProblem[] = [];
  const take = (index: number, end: number, result: RuleResult): void => {
    if (result === null) return;
    rest = rest.slice(0, index) + "|" + " ".repeat(end - index - 1) + rest.slice(end);
    if ("problem" in result) problems.push({ kind: result.problem, text: result.text });
    else found.push({ ...result, index, end });
  };
  const applyRule = (rule: (typeof PERIOD_RULES)[number]): void => {
    for (const match of [...rest.matchAll(rule.pattern)]) {
      const before = rest.slice(0, match.index);
      take(match.index, match.index + match[0].length, rule.read(match, { ...options, before }));
    }
  };

  for (const rule of PERIOD_RULES) applyRule(rule);
  for (const result of chrono.strict.parse(rest, referenceFor(options.today))) {
    take(result.index, result.index + result.text.length, explicitDates(result, options.today));
  }
  for (const rule of LATE_RULES) applyRule(rule);

  found.sort((a, b) => a.index - b.index);
  return { periods: joinRanges(text, found, options, problems), problems, rest };
}

/**
 * chrono falls back to the host's clock without a reference. Of the reference only its year
 * matters here (chrono checks a yearless day against it, the year itself is ours to choose), so it
 * is Jan 1 of the latest leap year up to today's: "February 29" is then a day in every year asked.
 */
function referenceFor(today: string): chrono.ParsingReference {
  let { year } = partsOf(today);
  while (existingDate(year, 2, 29) === null) year--;
  return { instant: new Date(Date.UTC(year, 0, 1, 12)), timezone: 0 };
}

interface SaidDate {
  year: number | null;
  month: number;
  day: number | null;
}

function said(components: chrono.ParsedComponents): SaidDate | null {
  const month = components.get("month");
  if (!components.isCertain("month") || month === null) return null;
  return {
    year: components.isCertain("year") ? components.get("year") : null,
    month,
    day: components.isCertain("day") ? components.get("day") : null,
  };
}

/** Month and day as one comparable number. */
const monthDay = (date: SaidDate): number => 100 * date.month + (date.day ?? 1);

function explicitDates(result: chrono.ParsedResult, today: string): RuleResult {
  // Relative phrases are ours to read; what chrono reads of them here is left alone.
  if (result.tags().has("result/relativeDate")) return null;
  const start = said(result.start);
  if (start === null) return null;
  const end = result.end ? said(result.end) : null;
  const now = partsOf(today);
  const latest = (date: SaidDate): number => (monthDay(date) <= 100 * now.month + now.day ? now.year : now.year - 1);

  let endYear: number | null = null;
  if (end !== null) {
    endYear = end.year ?? (start.year !== null ? start.year + (monthDay(end) < monthDay(start) ? 1 : 0) : latest(end));
  }
  const startYear = start.year ?? (endYear !== null && end !== null ? endYear - (monthDay(start) > monthDay(end) ? 1 : 0) : latest(start));

  const first = dayRange(start, startYear, result.text);
  if ("problem" in first) return first;
  if (end === null || endYear === null) return { ...first, yearGuessed: start.year === null };
  const last = dayRange(end, endYear, result.text);
  if ("problem" in last) return last;
  return { range: { from: first.range.from, to: last.range.to }, closed: true };
}

function dayRange(date: SaidDate, year: number, text: string): NamedPeriod | { problem: PeriodProblemKind; text: string } {
  if (year < FIRST_YEAR || year > LAST_YEAR) return { problem: "OUT_OF_RANGE", text };
  if (date.day === null) return { range: monthRange(year, date.month), unit: "month" };
  // February 29 without a year is the latest one: step back to a leap year.
  let day = existingDate(year, date.month, date.day);
  for (let back = 1; day === null && date.year === null && back <= 8; back++) day = existingDate(year - back, date.month, date.day);
  return day === null ? { problem: "NOT_A_DATE", text } : { range: { from: day, to: day } };
}

const JOINING = /^(?:to|through|thru|until|till|-|–|and)$/;

/** "from March to June", "between 2024 and 2025": two periods that are one range; "since March": to today. */
function joinRanges(text: string, periods: FoundPeriod[], options: ScanOptions, problems: PeriodProblem[]): FoundPeriod[] {
  const joined: FoundPeriod[] = [];
  for (let i = 0; i < periods.length; i++) {
    const first = periods[i]!;
    const before = text.slice(0, first.index).trimEnd();
    const next = periods[i + 1];
    const between = next ? text.slice(first.end, next.index).trim() : "";
    // "Compare March to April" compares two months, but "Jan to Mar vs Apr to Jun" and "from March to April" join.
    const joinOnTo = !options.comparing || /\b(?:from|between)$/.test(before) || /\b(?:vs|versus|against|than)\b/.test(text);
    const joins = next && JOINING.test(between) && (between === "and" ? /\bbetween$/.test(before) : joinOnTo);
    if (joins) {
      const range = span(first, next);
      if (range === null) problems.push({ kind: "BACKWARDS", text: text.slice(first.index, next.end) });
      else joined.push({ range, index: first.index, end: next.end });
      i++;
    } else if (/\b(?:since|from|after)$/.test(before) && !first.closed) {
      const from = before.endsWith("after") ? shiftDays(first.range.to, 1) : first.range.from;
      joined.push({ range: { from, to: options.today }, index: first.index, end: first.end });
    } else if (/\b(?:until|till|before|up to)$/.test(before)) {
      const word = /\b(?:until|till|before|up to)$/.exec(before)!;
      problems.push({ kind: "UNTIL", text: text.slice(word.index, first.end) });
    } else {
      joined.push(first);
    }
  }
  return joined;
}

/** From the start of one to the end of the other; a guessed year moves back once ("from December to March"). */
function span(first: NamedPeriod, last: NamedPeriod): { from: string; to: string } | null {
  let from = first.range.from;
  if (from > last.range.to && first.yearGuessed) from = shiftMonths(from, -12);
  return from > last.range.to ? null : { from, to: last.range.to };
}
