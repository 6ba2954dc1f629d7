/** Inclusive calendar days, 'YYYY-MM-DD'. Every range a question yields ends on or before the user's today. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * A category as the question named it. The query keeps the name beside the id so that what it ran
 * can be shown as the user would say it; the analytics roll subcategories up into it.
 */
export interface CategoryRef {
  id: string;
  name: string;
}

/** The analytics a question can ask for, one per kind; each maps onto one analytics call. */
export type InsightQuery =
  | { kind: "SPENDING_TOTAL"; range: DateRange; categories?: CategoryRef[]; payee?: string }
  | { kind: "INCOME_TOTAL"; range: DateRange; categories?: CategoryRef[]; payee?: string }
  | { kind: "TOP_EXPENSES"; range: DateRange; limit: number; categories?: CategoryRef[]; payee?: string }
  | { kind: "COMPARE"; measure: CompareMeasure; rangeA: DateRange; rangeB: DateRange; categories?: CategoryRef[]; payee?: string }
  | { kind: "SPENDING_BY_CATEGORY"; range: DateRange }
  | { kind: "SAVINGS_RATE"; range: DateRange };

export type InsightQueryKind = InsightQuery["kind"];
export type CompareMeasure = "SPENDING" | "INCOME";

export type UnansweredReason =
  "EMPTY" | "TOO_LONG" | "NOT_UNDERSTOOD" | "UNKNOWN_CATEGORY" | "UNKNOWN_PAYEE" | "FUTURE_PERIOD" | "UNCLEAR_PERIOD";

/** One kind of question, said in words, with questions that ask it. */
export interface Capability {
  kind: InsightQueryKind;
  description: string;
  examples: string[];
}

/** Why a question was not turned into a query, and what could be asked instead. */
export interface Unanswered {
  reason: UnansweredReason;
  message: string;
  /** The words that named no category or payee. */
  unmatched?: string;
  /** The user's category names, when a category word matched none of them. */
  categories?: string[];
  capabilities: Capability[];
}

export type ParsedQuestion = { understood: true; query: InsightQuery } | { understood: false; answer: Unanswered };

export interface QuestionContext {
  /** The user's own calendar day; relative words ("last month") count from it. */
  today: string;
  categories: ReadonlyArray<{ id: string; name: string; parentId: string | null }>;
  /** Payee names seen in the user's history; with them, "at amzn" resolves to the payee as recorded. */
  payees?: readonly string[];
  /** 0 = Sunday .. 6 = Saturday, as date-fns' getDay; weeks start on Monday (1) when absent. */
  firstDayOfWeek?: number;
}

export const MAX_QUESTION_LENGTH = 300;
export const DEFAULT_TOP_LIMIT = 10;
export const MAX_TOP_LIMIT = 100;
