import { badInput } from "../../../platform/errors/index.js";
import { calendarDate, MIN_RECORD_DATE } from "../../../platform/time/index.js";
import { unanswered } from "./question.help.js";
import { isComparison, kindOf, limitOf, measureOf } from "./question.intent.js";
import { categoryNamed, matchCategories, matchPayee } from "./question.names.js";
import { type PeriodProblem, scanPeriods } from "./question.periods.js";
import {
  type CategoryRef,
  type InsightQuery,
  type InsightQueryKind,
  MAX_QUESTION_LENGTH,
  type ParsedQuestion,
  type QuestionContext,
  type Unanswered,
} from "./question.query.js";
import { type AskedPeriod, cutAtToday, likeForLike, oneRange, periodBefore, thisMonthSoFar } from "./question.ranges.js";
import { ASKING_OR_NAMING, FILLER, type Word, wordsOf } from "./question.words.js";

/**
 * Reads a question about the user's own money into one analytics query, or says why it cannot and
 * what can be asked. Pure: "today" is the caller's (the user's local day) and nothing is looked up.
 * A question that names no period asks about this month so far; every range ends by today.
 * Wrong input from the user is an answer, never a throw; a wrong context (a bad today) throws.
 */
export function parseQuestion(text: string, context: QuestionContext): ParsedQuestion {
  const today = calendarDate(context.today, "today");
  const firstDayOfWeek = context.firstDayOfWeek ?? 1;
  if (!Number.isInteger(firstDayOfWeek) || firstDayOfWeek < 0 || firstDayOfWeek > 6) {
    throw badInput("firstDayOfWeek must be 0 (Sunday) to 6 (Saturday)", { field: "firstDayOfWeek" });
  }
  if (typeof text !== "string" || text.trim() === "") {
    return no(unanswered("EMPTY", "Ask a question about your money, for example: How much did I spend on restaurants last month?"));
  }
  if (text.length > MAX_QUESTION_LENGTH) {
    return no(unanswered("TOO_LONG", `A question may be at most ${MAX_QUESTION_LENGTH} characters long; this one has ${text.length}.`));
  }

  const said = tidy(text);
  const question = lowerInPlace(said);
  const comparing = isComparison(question);
  const scan = scanPeriods(question, { today, firstDayOfWeek, comparing });
  if (scan.problems.length > 0) return no(periodProblem(scan.problems[0]!));
  const periods: AskedPeriod[] = [];
  for (const found of scan.periods) {
    const cut = cutAtToday(found, today);
    const words = said.slice(found.index, found.end);
    if (cut === "FUTURE") return no(unanswered("FUTURE_PERIOD", `"${words}" has not happened yet: ask about days up to today, ${today}.`));
    if (cut === "TOO_EARLY") return no(periodProblem({ kind: "OUT_OF_RANGE", text: words }));
    periods.push(cut);
  }

  const asked = kindOf(scan.rest, comparing);
  const names = asked === "SPENDING_BY_CATEGORY" || asked === "SAVINGS_RATE" ? {} : readNames(scan.rest, said, context);
  // Without a word that asks for something, only a question that is all names is about spending ("groceries last month").
  if (asked === null && ("reason" in names || (!names.categories && names.payee === undefined))) return no(notUnderstood());
  if ("reason" in names) return no(names);
  return queryOf(asked ?? "SPENDING_TOTAL", periods, names, scan.rest, today, firstDayOfWeek);
}

const notUnderstood = (): Unanswered =>
  unanswered(
    "NOT_UNDERSTOOD",
    "That is not a question I can answer yet. Ask about your spending, income, biggest expenses, two periods compared, spending by category or your savings rate.",
  );

const no = (answer: Unanswered): ParsedQuestion => ({ understood: false, answer });

interface Names {
  categories?: CategoryRef[];
  payee?: string;
}

function queryOf(
  kind: InsightQueryKind,
  periods: AskedPeriod[],
  names: Names,
  rest: string,
  today: string,
  firstDayOfWeek: number,
): ParsedQuestion {
  if (kind === "COMPARE") {
    if (periods.length > 2)
      return no(unanswered("UNCLEAR_PERIOD", "Compare two periods at a time, for example: groceries this month vs last month."));
    const a = periods[0] ?? thisMonthSoFar(today);
    const b = periods[1] ?? periodBefore(a, firstDayOfWeek);
    if (b === null) return no(unanswered("UNCLEAR_PERIOD", `There is nothing recorded before ${MIN_RECORD_DATE} to compare with.`));
    const [rangeA, rangeB] = likeForLike(a, b);
    return { understood: true, query: { kind, measure: measureOf(rest), rangeA, rangeB, ...names } };
  }
  const range = periods.length === 0 ? thisMonthSoFar(today).range : oneRange(periods);
  if (range === null) {
    return no(unanswered("UNCLEAR_PERIOD", "Ask about one period at a time, or compare two: for example, March vs May."));
  }
  const query: InsightQuery =
    kind === "TOP_EXPENSES"
      ? { kind, range, limit: limitOf(rest), ...names }
      : kind === "SPENDING_BY_CATEGORY" || kind === "SAVINGS_RATE"
        ? { kind, range }
        : { kind, range, ...names };
  return { understood: true, query };
}

/**
 * The categories and payee a question names. "at/from/to X" names a payee, unless X is exactly a
 * category's name ("at restaurants"); the other words are category names. Without the user's payee
 * list the payee is taken as typed; with it, it must be one of them.
 */
function readNames(rest: string, said: string, context: QuestionContext): Names | Unanswered {
  const categories = new Map<string, CategoryRef>();
  let payee: string | undefined;

  const phrase = payeePhrase(rest);
  if (phrase !== null) {
    const typed = said.slice(phrase[0]!.index, phrase.at(-1)!.end);
    const exact = categoryNamed(phrase, context.categories);
    const listed = exact === null && context.payees ? matchPayee(phrase, context.payees) : null;
    const inCategories = exact === null && listed === null ? matchCategories(phrase, context.categories) : null;
    if (exact !== null) categories.set(exact.id, exact);
    else if (listed !== null) payee = listed;
    else if (inCategories!.unmatched.length === 0) for (const c of inCategories!.categories) categories.set(c.id, c);
    else if (!context.payees) payee = typed;
    else return unanswered("UNKNOWN_PAYEE", `No payee of yours matches "${typed}".`, { unmatched: typed });
  }

  const inPhrase = new Set(phrase?.map((word) => word.index));
  const words = wordsOf(rest).filter((w) => !inPhrase.has(w.index) && !FILLER.has(w.text) && !/\d/.test(w.text));
  const match = matchCategories(words, context.categories);
  for (const c of match.categories) categories.set(c.id, c);
  let left = match.unmatched.filter((word) => !ASKING_OR_NAMING.has(word.text));
  if (left.length > 0 && payee === undefined && context.payees) {
    const named = matchPayee(left, context.payees);
    if (named !== null) [payee, left] = [named, []];
  }
  if (left.length > 0) {
    const unmatched = left.map((word) => said.slice(word.index, word.end)).join(" ");
    const known = context.categories.map((c) => c.name);
    const yours = known.length > 0 ? ` Your categories are: ${known.join(", ")}.` : " You have no categories yet.";
    return unanswered("UNKNOWN_CATEGORY", `No category${context.payees ? " or payee" : ""} matches "${unmatched}".${yours}`, {
      unmatched,
      categories: known,
    });
  }
  return { ...(categories.size > 0 ? { categories: [...categories.values()] } : {}), ...(payee === undefined ? {} : { payee }) };
}

const PHRASE_ENDS = new Set([
  "on",
  "for",
  "in",
  "during",
  "since",
  "and",
  "or",
  "vs",
  "versus",
  "compared",
  "than",
  "over",
  "between",
  "before",
  "after",
  "until",
  "by",
  "at",
  "from",
  "to",
  "date",
]);
const PHRASE_OPENERS = new Set(["the", "my", "our", "a", "an"]);

/** The words after the first "at", "from" or "to" that is followed by a name, up to a period or a joining word. */
function payeePhrase(rest: string): Word[] | null {
  for (const match of rest.matchAll(/\b(?:at|from|to) /g)) {
    const start = match.index + match[0].length;
    const stop = rest.indexOf("|", start);
    const phrase: Word[] = [];
    for (const word of wordsOf(rest.slice(start, stop < 0 ? undefined : stop))) {
      if (PHRASE_ENDS.has(word.text)) break;
      if (phrase.length === 0 && PHRASE_OPENERS.has(word.text)) continue;
      phrase.push({ ...word, index: word.index + start, end: word.end + start });
    }
    // "compared to the 3 months before" names nothing.
    if (phrase.some((word) => !FILLER.has(word.text) && !/^\d+$/.test(word.text))) return phrase;
  }
  return null;
}

function periodProblem({ kind, text }: PeriodProblem): Unanswered {
  switch (kind) {
    case "NOT_A_DATE":
      return unanswered("UNCLEAR_PERIOD", `"${text}" is not a date on the calendar.`);
    case "OUT_OF_RANGE":
      return unanswered("UNCLEAR_PERIOD", `"${text}" is outside the years money is recorded for (1900 to 2100).`);
    case "EMPTY_PERIOD":
      return unanswered("UNCLEAR_PERIOD", `"${text}" covers no days.`);
    case "UNTIL":
      return unanswered("UNCLEAR_PERIOD", `"${text}" says when to stop but not when to start: say "from March to June" or "since March".`);
    case "BACKWARDS":
      return unanswered("UNCLEAR_PERIOD", `"${text}" ends before it starts.`);
  }
}

/** One space between words and no sentence punctuation; case and length of each letter kept, so positions match. */
function tidy(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[?!;:"“”()[\]{}]/g, " ")
    .replace(/\.(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Lower case, letter by letter where that keeps the length (a dotted İ stays as it is). */
function lowerInPlace(text: string): string {
  return Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join("");
}
