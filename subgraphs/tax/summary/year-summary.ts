import type { IncomeTaxResult } from "../calculator/income-tax.js";
import type { FilingStatusCode, TaxTable } from "../tables/tax-table.js";

/**
 * How a ledger category counts for tax. Subcategories inherit their parent's treatment unless
 * they have their own.
 */
export type CategoryTreatment = "TAXABLE_INCOME" | "ADJUSTMENT" | "DEDUCTION" | "STATE_AND_LOCAL_TAX" | "MEDICAL" | "TAX_PAYMENT" | "NONE";

/**
 * One category's total for the year in the table's currency. `amountMinor` is positive for income
 * received (TAXABLE_INCOME) and for money paid out (every other treatment); refunds reduce it.
 */
export interface CategoryTotal {
  categoryId: string | null;
  name: string;
  treatment: CategoryTreatment;
  amountMinor: bigint;
}

/** The year's figures from the user's own data, already in the table's currency. */
export interface YearFigures {
  categories: CategoryTotal[];
  interestMinor: bigint;
  dividendsMinor: bigint;
  /** Sums of realized lots' gains (negative: a loss), by holding term. */
  shortTermGainMinor: bigint;
  longTermGainMinor: bigint;
}

export interface SummaryRequest {
  table: TaxTable;
  filingStatus: FilingStatusCode;
  /** Qualifying children for the child tax credit. */
  dependants: number;
  /** Whether dividends are qualified (preferential rates) or ordinary income. */
  dividendsQualified: boolean;
  /** Withholding recorded outside the ledger (entered on the profile). */
  otherWithholdingMinor: bigint;
  figures: YearFigures;
}

/*
 * To be written here (pure, property-tested):
 *   export function summarizeYear(request: SummaryRequest): YearSummary
 * with YearSummary holding every figure of the estimate (gross income, capital gains netted with
 * the loss limit, adjustments, AGI, standard vs itemized with SALT cap and medical floor, taxable
 * and qualified income, the IncomeTaxResult, child tax credit, estimated tax, withheld, left to pay).
 */
export type { IncomeTaxResult };
