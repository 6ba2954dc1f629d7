import { formatAmount, money } from "../../../platform/money/index.js";
import type { CategoryRef, DateRange, InsightQuery } from "./question.query.js";

/** One line behind an answer: an expense (with its transaction) or a category's total. Amounts positive. */
export interface AnswerItem {
  label: string;
  amountMinor: bigint;
  date: string | null;
  transactionId: string | null;
  categoryId: string | null;
  /** Of the total, percent, 2 decimals (a category's share); null for an expense. */
  sharePercent: string | null;
}

/** What a query found, in the base currency; each kind fills the figures it has. */
export interface AnswerFigures {
  currency: string;
  /** Spent or received (a comparison's first period); saved for a savings rate. */
  totalMinor: bigint | null;
  /** A comparison's second period. */
  totalBMinor: bigint | null;
  /** totalMinor − totalBMinor. */
  changeMinor: bigint | null;
  changePercent: string | null;
  incomeMinor: bigint | null;
  spendingMinor: bigint | null;
  ratePercent: string | null;
  items: AnswerItem[];
  /** Lines left out: the ledger had no exchange rate to the base currency for their day. */
  unconverted: number;
}

export const noFigures = (currency: string): AnswerFigures => ({
  currency,
  totalMinor: null,
  totalBMinor: null,
  changeMinor: null,
  changePercent: null,
  incomeMinor: null,
  spendingMinor: null,
  ratePercent: null,
  items: [],
  unconverted: 0,
});

/** Expenses named one by one in an answer; the rest are in its data. */
export const LISTED_IN_TEXT = 5;

/**
 * The answer in a sentence or two, with the figures and the days they cover, e.g. "You spent
 * 123.45 USD on Restaurants from 2026-10-01 to 2026-10-31." Amounts are plain decimals with the
 * currency code and dates stay as the query has them: no locale guesses.
 */
export function answerText(query: InsightQuery, f: AnswerFigures): string {
  const $ = (minor: bigint) => `${formatAmount(money(minor, f.currency))} ${f.currency}`;
  return `${sentence(query, f, $)}${leftOut(f.unconverted)}`;
}

function sentence(query: InsightQuery, f: AnswerFigures, $: (minor: bigint) => string): string {
  switch (query.kind) {
    case "SPENDING_TOTAL":
      return `You spent ${$(f.totalMinor ?? 0n)}${scope("SPENDING", query)} ${during(query.range)}.`;
    case "INCOME_TOTAL":
      return `You received ${$(f.totalMinor ?? 0n)}${scope("INCOME", query)} ${during(query.range)}.`;
    case "COMPARE": {
      const verb = query.measure === "INCOME" ? "received" : "spent";
      const change = f.changeMinor ?? 0n;
      const moved =
        change === 0n ? "the same" : `${$(change < 0n ? -change : change)} ${change < 0n ? "less" : "more"}${percent(f.changePercent)}`;
      return (
        `You ${verb} ${$(f.totalMinor ?? 0n)}${scope(query.measure, query)} ${during(query.rangeA)}, ` +
        `against ${$(f.totalBMinor ?? 0n)} ${during(query.rangeB)}: ${moved}.`
      );
    }
    case "TOP_EXPENSES":
      return largest(query, f.items, $);
    case "SPENDING_BY_CATEGORY": {
      if (f.items.length === 0) return `You spent nothing ${during(query.range)}.`;
      const named = f.items
        .slice(0, 3)
        .map((i) => `${i.label} ${$(i.amountMinor)}${i.sharePercent === null ? "" : ` (${i.sharePercent} %)`}`);
      const others = f.items.length - named.length;
      const rest = others > 0 ? `, and ${others} other ${others === 1 ? "category" : "categories"}` : "";
      return `You spent ${$(f.totalMinor ?? 0n)} ${during(query.range)}: ${listed(named)}${rest}.`;
    }
    case "SAVINGS_RATE": {
      const income = f.incomeMinor ?? 0n;
      const spending = f.spendingMinor ?? 0n;
      const saved = f.totalMinor ?? 0n;
      const opening = capitalized(during(query.range));
      if (income === 0n) return `${opening} you had no income and spent ${$(spending)}, so there is no savings rate.`;
      const flows = `${opening} you received ${$(income)} and spent ${$(spending)}`;
      return saved >= 0n
        ? `${flows}: you saved ${$(saved)}, ${f.ratePercent} % of your income.`
        : `${flows}: ${$(-saved)} more than you received, a savings rate of ${f.ratePercent} %.`;
    }
  }
}

function largest(query: Extract<InsightQuery, { kind: "TOP_EXPENSES" }>, items: readonly AnswerItem[], $: (minor: bigint) => string) {
  const where = `${scope("SPENDING", query)} ${during(query.range)}`;
  if (items.length === 0) return `You had no expenses${where}.`;
  const one = (i: AnswerItem) => `${$(i.amountMinor)}${i.label === "" ? "" : ` at ${i.label}`}${i.date === null ? "" : ` on ${i.date}`}`;
  if (items.length === 1) return `Your largest expense${where} was ${one(items[0]!)}.`;
  const named = items.slice(0, LISTED_IN_TEXT).map(one);
  const others = items.length - named.length;
  return `Your ${items.length} largest expenses${where}: ${named.join("; ")}${others > 0 ? `; and ${others} more` : ""}.`;
}

/** " on Groceries at Whole Foods" for spending, " in Salary from ACME" for income. */
function scope(measure: "SPENDING" | "INCOME", query: { categories?: CategoryRef[]; payee?: string }): string {
  const names = query.categories?.map((c) => c.name) ?? [];
  const categories = names.length > 0 ? ` ${measure === "INCOME" ? "in" : "on"} ${listed(names)}` : "";
  const payee = query.payee === undefined ? "" : ` ${measure === "INCOME" ? "from" : "at"} ${query.payee}`;
  return `${categories}${payee}`;
}

function percent(changePercent: string | null): string {
  if (changePercent === null) return "";
  return ` (${changePercent.startsWith("-") ? "" : "+"}${changePercent} %)`;
}

function leftOut(unconverted: number): string {
  if (unconverted === 0) return "";
  return unconverted === 1
    ? " 1 line in another currency had no exchange rate for its day and is left out."
    : ` ${unconverted} lines in another currency had no exchange rate for their day and are left out.`;
}

function during(range: DateRange): string {
  return range.from === range.to ? `on ${range.from}` : `from ${range.from} to ${range.to}`;
}

function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
