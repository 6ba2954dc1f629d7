import { DEFAULT_TOP_LIMIT, type InsightQueryKind, MAX_TOP_LIMIT } from "./question.query.js";

/** A comparison may name two periods joined by "to" ("this month to last month"), so it is known before periods are read. */
export function isComparison(question: string): boolean {
  return /\b(?:compare|compared|comparing|comparison|vs|versus|against)\b/.test(question) || /\b(?:more|less)\b.*\bthan\b/.test(question);
}

const SAVINGS = /\bsav(?:e|ed|ing|ings) rate\b|\b(?:save|saved)\b/;
const BY_CATEGORY =
  /\bmoney go\b|\bwhere (?:did|do|does) (?:i|we) spend\b|\b(?:by|per|each|top|which|what|my|spending) categor(?:y|ies)\b|\bbreak ?down\b|\bbroken down\b/;
const TOP = /\b(?:biggest|largest|highest|top|priciest|most expensive)\b/;
const INCOME =
  /\b(?:income|earn|earned|earning|earnings|salary|salaries|paychecks?|wages|revenue|paid me|(?:was|were|got|get|getting) (?:i |we )?paid)\b/;
const INCOME_IF_NOT_SPENDING = /\b(?:made|make|received|receive|got)\b/;
const SPENDING =
  /\b(?:spend|spent|spending|spends|cost|costs|pay|paid|paying|expenses?|expenditures?|purchases?|bought|buy|outflows?|charged)\b/;

/**
 * What a question asks, from its words with the periods taken out (`rest`); null when none says.
 * The order settles questions that say two things: "compare what I saved" is a savings question,
 * "compare my biggest..." a comparison, "biggest categories" a breakdown, not a list of expenses.
 */
export function kindOf(rest: string, comparing: boolean): InsightQueryKind | null {
  if (SAVINGS.test(rest)) return "SAVINGS_RATE";
  if (comparing) return "COMPARE";
  if (BY_CATEGORY.test(rest)) return "SPENDING_BY_CATEGORY";
  if (TOP.test(rest)) return "TOP_EXPENSES";
  if (measureOf(rest) === "INCOME") return "INCOME_TOTAL";
  if (SPENDING.test(rest) || /\bhow much\b/.test(rest)) return "SPENDING_TOTAL";
  return null;
}

export function measureOf(rest: string): "SPENDING" | "INCOME" {
  return INCOME.test(rest) || (INCOME_IF_NOT_SPENDING.test(rest) && !SPENDING.test(rest)) ? "INCOME" : "SPENDING";
}

const COUNT_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  fifty: 50,
};
const COUNT = `\\d{1,4}|${Object.keys(COUNT_WORDS).join("|")}`;
const RANKED = "biggest|largest|highest|priciest|most expensive";
const LIMIT = new RegExp(`\\btop (${COUNT})\\b|\\b(${COUNT}) (?:${RANKED}|top)\\b|\\b(?:${RANKED}) (${COUNT})\\b`);
const ONE_THING = new RegExp(`\\b(?:${RANKED}) (?:single )?(?:expense|purchase|transaction|payment|charge|bill)\\b`);

/** "top 5", "3 biggest", "largest ten"; "the biggest purchase" is one; otherwise the default, at most MAX_TOP_LIMIT. */
export function limitOf(rest: string): number {
  const match = LIMIT.exec(rest);
  const said = match ? (match[1] ?? match[2] ?? match[3])! : null;
  if (said === null) return ONE_THING.test(rest) ? 1 : DEFAULT_TOP_LIMIT;
  const count = COUNT_WORDS[said] ?? Number(said);
  return count < 1 ? DEFAULT_TOP_LIMIT : Math.min(count, MAX_TOP_LIMIT);
}
