import type { CategoryRef, DateRange, InsightQuery } from "./question.query.js";

/**
 * The query in words, returned with every answer so the user sees what was run, e.g. "Spending in
 * Restaurants from 2026-10-01 to 2026-10-31". Dates stay as written in the query: no locale guesses.
 */
export function describeQuery(query: InsightQuery): string {
  switch (query.kind) {
    case "SPENDING_TOTAL":
      return `Spending${scope(query.categories, query.payee)} ${during(query.range)}`;
    case "INCOME_TOTAL":
      return `Income${scope(query.categories, query.payee)} ${during(query.range)}`;
    case "TOP_EXPENSES": {
      const what = query.limit === 1 ? "The largest expense" : `The ${query.limit} largest expenses`;
      return `${what}${scope(query.categories, query.payee)} ${during(query.range)}`;
    }
    case "COMPARE": {
      const measure = query.measure === "INCOME" ? "Income" : "Spending";
      return `${measure}${scope(query.categories, query.payee)} ${during(query.rangeA)} compared with ${days(query.rangeB)}`;
    }
    case "SPENDING_BY_CATEGORY":
      return `Spending by category ${during(query.range)}`;
    case "SAVINGS_RATE":
      return `Savings rate ${during(query.range)}`;
  }
}

function scope(categories: readonly CategoryRef[] | undefined, payee: string | undefined): string {
  const names = categories?.map((c) => c.name) ?? [];
  const inCategories = names.length > 0 ? ` in ${listed(names)}` : "";
  return `${inCategories}${payee === undefined ? "" : ` at ${payee}`}`;
}

function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}

function during(range: DateRange): string {
  return range.from === range.to ? `on ${range.from}` : `from ${days(range)}`;
}

function days(range: DateRange): string {
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}
