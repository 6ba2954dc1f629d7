import type { Capability, Unanswered, UnansweredReason } from "./question.query.js";

/** What can be asked, shown with every question that was not understood. Each example parses to its kind (tested). */
export const CAPABILITIES: readonly Capability[] = [
  {
    kind: "SPENDING_TOTAL",
    description: "How much you spent in a period, in one or more categories or at a payee",
    examples: ["How much did I spend on restaurants last month?", "What did I spend at Amazon in 2025?", "Groceries in the last 30 days"],
  },
  {
    kind: "INCOME_TOTAL",
    description: "How much came in during a period, from a category or a payee",
    examples: ["How much did I earn this year?", "What was my income in March?"],
  },
  {
    kind: "TOP_EXPENSES",
    description: "Your largest single expenses in a period",
    examples: ["What were my biggest expenses in March?", "Top 5 purchases last week"],
  },
  {
    kind: "COMPARE",
    description: "Spending or income in one period against another",
    examples: ["Compare groceries this year vs last year", "Groceries this month vs last month"],
  },
  {
    kind: "SPENDING_BY_CATEGORY",
    description: "Where the money went, category by category",
    examples: ["Where did my money go last week?", "Spending by category in Q1"],
  },
  {
    kind: "SAVINGS_RATE",
    description: "The share of income you kept",
    examples: ["What was my savings rate this year?", "How much did I save last month?"],
  },
];

export function unanswered(
  reason: UnansweredReason,
  message: string,
  extra: Partial<Pick<Unanswered, "unmatched" | "categories">> = {},
): Unanswered {
  return { reason, message, ...extra, capabilities: CAPABILITIES.map((c) => ({ ...c, examples: [...c.examples] })) };
}
