import type { CategoryTreatment } from "./year-summary.js";

/**
 * Guesses from a category's name, used only when the user has said nothing about the category or
 * its parents. They are deliberately few and English only: a wrong guess moves money into or out
 * of the estimate, so anything not clearly tax-relevant stays NONE and the user marks it on the
 * tax profile. The first matching rule wins, so the more specific ones come first (an "HSA" is an
 * adjustment, not a medical expense; "federal tax" is a payment, not a deductible tax).
 */
export interface KeywordRule {
  pattern: RegExp;
  treatment: CategoryTreatment;
}

/** Money received that is not income: gifts, moves between one's own accounts, money paid back. */
export const INCOME_KEYWORDS: readonly KeywordRule[] = [{ pattern: /gift|transfer|reimburs|refund/i, treatment: "NONE" }];

/** Money paid out that likely counts. Everything else an expense is NONE. */
export const EXPENSE_KEYWORDS: readonly KeywordRule[] = [
  { pattern: /tax(es)? withheld|withholding|estimated tax|federal (income )?tax/i, treatment: "TAX_PAYMENT" },
  { pattern: /\bira\b|\bhsa\b|health savings|student loan interest/i, treatment: "ADJUSTMENT" },
  { pattern: /property tax|real estate tax|\bstate (income )?tax|\blocal tax/i, treatment: "STATE_AND_LOCAL_TAX" },
  { pattern: /charit|donation|mortgage interest/i, treatment: "DEDUCTION" },
  { pattern: /medical|doctor|pharmac|health/i, treatment: "MEDICAL" },
];

/** The treatment the name suggests for a category of `kind`, or undefined when it suggests none. */
export function keywordTreatment(name: string, kind: string): CategoryTreatment | undefined {
  const rules = kind === "INCOME" ? INCOME_KEYWORDS : kind === "EXPENSE" ? EXPENSE_KEYWORDS : [];
  return rules.find((rule) => rule.pattern.test(name))?.treatment;
}
