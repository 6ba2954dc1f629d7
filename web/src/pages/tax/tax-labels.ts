import type { TaxTreatment } from "../../generated/graphql";

/** "MARRIED_FILING_JOINTLY" → "Married filing jointly": the tables' codes as words. */
export function filingStatusLabel(code: string): string {
  const words = code.toLowerCase().split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const TREATMENT_LABEL: Record<TaxTreatment, string> = {
  TAXABLE_INCOME: "Taxable income",
  ADJUSTMENT: "Adjustment",
  DEDUCTION: "Deduction",
  STATE_AND_LOCAL_TAX: "State and local tax",
  MEDICAL: "Medical",
  TAX_PAYMENT: "Tax paid",
  NONE: "Not counted",
};

/** The years with tax tables, newest first, each once. */
export function taxYears(tables: ReadonlyArray<{ year: number }>): number[] {
  return [...new Set(tables.map((t) => t.year))].sort((a, b) => b - a);
}
