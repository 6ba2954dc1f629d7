/**
 * The purchase date printed on a receipt, in the many ways tills print it: 2026-03-14, 03/14/2026,
 * 14.03.2026, 14/03/26, Mar 14 2026, March 14, 2026, 14 Mar 2026, 14-MAR-26.
 * A numeric date whose day and month could swap (03/04/2026) follows `dayFirst`, a hint from the
 * currency or locale; a dotted date is day-first wherever it is printed.
 */
import type { OcrLine } from "./ocr-line.js";
import type { ExtractedField } from "./receipt-reader.js";

export interface DateHint {
  dayFirst: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

const ISO = /(?<!\d)(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const NUMERIC = /(?<![\d.])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH_NAME}\\s*[-/ ]?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s*[-/ ]\\s*)(\\d{4}|\\d{2})(?!\\d)`,
  "i",
);
const DAY_MONTH_YEAR = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s*[-/ ]?\\s*${MONTH_NAME}\\s*[-/ ,]?\\s*(\\d{4}|\\d{2})(?!\\d)`,
  "i",
);

/** How sure a reading is before the OCR confidence: a swappable day and month is a guess. */
const CERTAIN = 1;
const AMBIGUOUS = 0.75;

interface Reading {
  date: string;
  certainty: number;
}

function isoDate(year: number, month: number, day: number): string | null {
  const full = year < 100 ? 2000 + year : year;
  if (full < 2000 || full > 2099 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(full, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  return `${full}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The first date in one line of text, or null. */
export function dateIn(line: string, hint: DateHint): Reading | null {
  const iso = ISO.exec(line);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { date, certainty: CERTAIN };
  }
  const named = MONTH_DAY_YEAR.exec(line);
  if (named) {
    const date = isoDate(Number(named[3]), monthNumber(named[1]!), Number(named[2]));
    if (date) return { date, certainty: CERTAIN };
  }
  const dayNamed = DAY_MONTH_YEAR.exec(line);
  if (dayNamed) {
    const date = isoDate(Number(dayNamed[3]), monthNumber(dayNamed[2]!), Number(dayNamed[1]));
    if (date) return { date, certainty: CERTAIN };
  }
  const numeric = NUMERIC.exec(line);
  if (numeric) {
    const [a, separator, b, year] = [Number(numeric[1]), numeric[2], Number(numeric[3]), Number(numeric[4])];
    const dayFirst = a > 12 || (b <= 12 && (separator === "." || hint.dayFirst));
    const date = dayFirst ? isoDate(year, b, a) : isoDate(year, a, b);
    if (date) return { date, certainty: a > 12 || b > 12 || a === b || separator === "." ? CERTAIN : AMBIGUOUS };
  }
  return null;
}

/** The receipt's date: a line labelled DATE wins over the first date found anywhere. */
export function receiptDate(lines: OcrLine[], hint: DateHint): ExtractedField<string> {
  let first: ExtractedField<string> | null = null;
  for (const line of lines) {
    const reading = dateIn(line.text, hint);
    if (!reading) continue;
    const field = { value: reading.date, confidence: reading.certainty * line.confidence };
    if (/\bdate\b/i.test(line.text)) return field;
    first ??= field;
  }
  return first ?? { value: null, confidence: 0 };
}
