/** What `npm run bench:tax` asks for a year summary, and how it checks the answer against the seeded rows. */
import { formatAmount, money, parseAmount } from "../../platform/money/index.js";
import { computeIncomeTax } from "../../subgraphs/tax/calculator/income-tax.js";
import { forFilingStatus } from "../../subgraphs/tax/tables/by-filing-status.js";
import type { FilingStatusCode, TaxTable } from "../../subgraphs/tax/tables/tax-table.js";
import { expectedGrossIncome, type ExpectedYear } from "./year-data.js";

/** Every figure of the summary, the computation's brackets and the category list included. */
export const SUMMARY = `query($y: Int!) { taxYearSummary(year: $y) { year revision filingStatus currency grossIncome { amount }
  income { categories { amount } interest { amount } dividends { amount } qualifiedDividends { amount } capitalGainOrLoss { amount } }
  capitalGains { shortTerm { amount } longTerm { amount } net { amount } preferential { amount } deductibleLoss { amount } carryoverLoss { amount } }
  adjustments { amount } adjustedGrossIncome { amount }
  deduction { chosen amount { amount } standard { amount } itemized { total { amount } otherDeductions { amount } stateAndLocalTaxPaid { amount }
    stateAndLocalTaxCap { amount } stateAndLocalTaxAllowed { amount } medicalPaid { amount } medicalFloor { amount } medicalAllowed { amount } } }
  taxableIncome { amount } qualifiedIncome { amount }
  computation { tax { amount } ordinaryTax { amount } capitalGainsTax { amount } marginalRatePercent effectiveRatePercent
    brackets { kind ratePercent amount { amount } tax { amount } } }
  childTaxCredit { children allowed { amount } } estimatedTax { amount } effectiveRatePercent withheld { amount } leftToPay { amount }
  categories { categoryId name treatment amount { amount } } unconvertedItems } }`;

export const minorOf = (amount: string) => parseAmount(amount, "USD").amountMinor;
export const usd = (amountMinor: bigint) => formatAmount(money(amountMinor, "USD"));
const nonNegative = (m: bigint) => (m > 0n ? m : 0n);

/** Differences between figures an answer shows and what they must be, as "what: got ≠ want". */
export function differences(checks: Array<[string, string | number | bigint, string | number | bigint]>): string[] {
  return checks.filter(([, got, want]) => String(got) !== String(want)).map(([what, got, want]) => `${what}: ${got} ≠ ${want}`);
}

export interface SummaryExpectation {
  table: TaxTable;
  filingStatus: FilingStatusCode;
  otherWithholdingMinor: bigint;
  expected: ExpectedYear;
  /** What the subgraphs' own estimate job stored for the year (null: no figure). */
  storedEstimateMinor: string | null;
}

/**
 * The answer's figures against sums made from the seeded rows (income, investment income, gains,
 * each treatment's total, items left out, categories listed), and the figures derived from them
 * against the calculator and each other.
 */
export function summaryProblems(s: any, x: SummaryExpectation): string[] {
  const { expected: e, table } = x;
  const m = (path: { amount: string }) => minorOf(path.amount);
  const gross = expectedGrossIncome(e, forFilingStatus(table, table.capitalLossLimit, x.filingStatus));
  return differences([
    ["filingStatus", s.filingStatus, x.filingStatus],
    ["revision", s.revision, table.revision],
    ["grossIncome", s.grossIncome.amount, usd(gross)],
    ["income.categories", s.income.categories.amount, usd(e.byTreatment.TAXABLE_INCOME)],
    ["income.interest", s.income.interest.amount, usd(e.interestMinor)],
    ["income.dividends", s.income.dividends.amount, usd(e.dividendsMinor)],
    ["income.qualifiedDividends", s.income.qualifiedDividends.amount, usd(nonNegative(e.dividendsMinor))],
    ["capitalGains.shortTerm", s.capitalGains.shortTerm.amount, usd(e.shortTermMinor)],
    ["capitalGains.longTerm", s.capitalGains.longTerm.amount, usd(e.longTermMinor)],
    ["adjustments", s.adjustments.amount, usd(nonNegative(e.byTreatment.ADJUSTMENT))],
    ["adjustedGrossIncome", s.adjustedGrossIncome.amount, usd(gross - nonNegative(e.byTreatment.ADJUSTMENT))],
    ["itemized.otherDeductions", s.deduction.itemized.otherDeductions.amount, usd(nonNegative(e.byTreatment.DEDUCTION))],
    [
      "itemized.stateAndLocalTaxPaid",
      s.deduction.itemized.stateAndLocalTaxPaid.amount,
      usd(nonNegative(e.byTreatment.STATE_AND_LOCAL_TAX)),
    ],
    ["itemized.medicalPaid", s.deduction.itemized.medicalPaid.amount, usd(nonNegative(e.byTreatment.MEDICAL))],
    ["withheld", s.withheld.amount, usd(nonNegative(e.byTreatment.TAX_PAYMENT) + x.otherWithholdingMinor)],
    ["unconvertedItems", s.unconvertedItems, e.unconverted],
    ["categories listed", s.categories.length, e.countedCategories],
    ["taxableIncome", m(s.taxableIncome), nonNegative(m(s.adjustedGrossIncome) - m(s.deduction.amount))],
    [
      "computation.tax",
      m(s.computation.tax),
      computeIncomeTax({
        table,
        filingStatus: x.filingStatus,
        taxableIncomeMinor: m(s.taxableIncome),
        qualifiedIncomeMinor: m(s.qualifiedIncome),
      }).taxMinor,
    ],
    ["estimatedTax", m(s.estimatedTax), m(s.computation.tax) - m(s.childTaxCredit.allowed)],
    ["leftToPay", m(s.leftToPay), m(s.estimatedTax) - m(s.withheld)],
    ["estimate stored by the subgraphs' job", x.storedEstimateMinor ?? "null", m(s.estimatedTax)],
  ]);
}
