import { MAX_DATE, MIN_DATE } from "../../transactions/calendar-date.js";
import { RowProblem } from "./import-row.js";

type Part = "year" | "month" | "day";

/** A user-chosen date layout such as "dd/MM/yyyy", compiled once per import. */
export interface DateFormat {
  readonly source: string;
  readonly regex: RegExp;
  readonly parts: readonly Part[];
}

// MM and dd insist on two digits and M and d take one or two, so a file that mixes "1/2/2024" and
// "01/02/2024" needs the lenient tokens; yyyyMMdd only works because every width is fixed.
const TOKENS: Record<string, { part: Part; digits: string }> = {
  yyyy: { part: "year", digits: "(\\d{4})" },
  MM: { part: "month", digits: "(\\d{2})" },
  M: { part: "month", digits: "(\\d{1,2})" },
  dd: { part: "day", digits: "(\\d{2})" },
  d: { part: "day", digits: "(\\d{1,2})" },
};
const LAYOUT = /yyyy|MM|M|dd|d|[-/. ]/g;

// Exports often append a time of day; the calendar day as written is what the ledger keeps.
const TIME_SUFFIX = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm]))?)?`;

/** Returns null when the layout is not one year, one month and one day token with -, /, . or space between. */
export function compileDateFormat(format: string): DateFormat | null {
  const pieces = format.match(LAYOUT) ?? [];
  if (pieces.join("") !== format) return null;
  const parts: Part[] = [];
  let pattern = "";
  for (const piece of pieces) {
    const token = TOKENS[piece];
    if (token) {
      parts.push(token.part);
      pattern += token.digits;
    } else {
      pattern += piece === " " ? " +" : `\\${piece}`;
    }
  }
  const complete = parts.length === 3 && new Set(parts).size === 3;
  return complete ? { source: format, regex: new RegExp(`^${pattern}${TIME_SUFFIX}$`), parts } : null;
}

/** Reads `text` in `format`; throws a RowProblem (BAD_DATE or DATE_OUT_OF_RANGE) otherwise. */
export function readDate(text: string, format: DateFormat): string {
  const match = format.regex.exec(text.trim());
  if (!match) throw new RowProblem("BAD_DATE", `date "${clip(text)}" does not match ${format.source}`);
  const value: Record<Part, number> = { year: 0, month: 0, day: 0 };
  format.parts.forEach((part, i) => (value[part] = Number(match[i + 1])));
  return calendarDay(value.year, value.month, value.day, text);
}

/** Checks that the day exists (no 31 April) and lies inside the ledger's date range. */
export function calendarDay(year: number, month: number, day: number, written: string): string {
  const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  if (month < 1 || month > 12 || day < 1 || probe.toISOString().slice(0, 10) !== date) {
    throw new RowProblem("BAD_DATE", `"${clip(written)}" is not a calendar date`);
  }
  if (date < MIN_DATE || date > MAX_DATE) {
    throw new RowProblem("DATE_OUT_OF_RANGE", `date ${date} is outside ${MIN_DATE}..${MAX_DATE}`);
  }
  return date;
}

export const clip = (text: string, length = 40) => (text.length > length ? `${text.slice(0, length)}…` : text);
