import { badInput } from "../../../platform/errors/index.js";
import { computeIncomeTax, type IncomeTaxResult } from "../calculator/income-tax.js";
import { forFilingStatus } from "../tables/by-filing-status.js";
import type { FilingStatusCode, TaxTable } from "../tables/tax-table.js";
import { type CapitalGainsNetting, netCapitalGains } from "./capital-gains.js";
import { childTaxCredit, type ChildTaxCreditFigures } from "./child-tax-credit.js";
import { chooseDeduction, type DeductionChoice, itemizedDeduction } from "./deduction.js";
import { ratioPercent } from "./percent.js";

/**
 * How a ledger category counts for tax. Subcategories inherit their parent's treatment unless
 * they have their own (`treatmentsFor` in category-treatment.ts resolves the tree).
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

/** Income as on the front of Form 1040, before adjustments. */
export interface IncomeFigures {
  /** TAXABLE_INCOME categories (wages, self-employment, rent, ...). */
  categoriesMinor: bigint;
  interestMinor: bigint;
  dividendsMinor: bigint;
  /** The dividends taxed at the capital gains rates: all of them when `dividendsQualified`, else 0. */
  qualifiedDividendsMinor: bigint;
  /** The net capital gain, or minus the deductible part of a net loss (`capitalGains.includedInIncomeMinor`). */
  capitalGainOrLossMinor: bigint;
  /** The sum of the above (qualified dividends are part of the dividends, not added again). */
  grossIncomeMinor: bigint;
}

export interface Withholding {
  /** TAX_PAYMENT categories: withholding and estimated payments recorded in the ledger. */
  ledgerMinor: bigint;
  /** Entered on the tax profile. */
  otherMinor: bigint;
  totalMinor: bigint;
}

/**
 * The year's estimate with every figure on the way, in minor units of `currency`. It follows the
 * table's law (its year and revision), with the simplifications written on each part: AGI stands
 * for modified AGI, only the non-refundable child tax credit is counted, and a loss carryover is
 * reported but not brought into the next year.
 */
export interface YearSummary {
  jurisdiction: string;
  year: number;
  revision: string;
  currency: string;
  filingStatus: FilingStatusCode;
  dependants: number;
  income: IncomeFigures;
  capitalGains: CapitalGainsNetting;
  /** ADJUSTMENT categories (IRA, HSA, student loan interest), 0 when refunds exceed them. */
  adjustmentsMinor: bigint;
  /** Gross income − adjustments. */
  adjustedGrossIncomeMinor: bigint;
  /** Standard and itemized, both shown, and the larger chosen. */
  deduction: DeductionChoice;
  /** max(0, AGI − the chosen deduction). */
  taxableIncomeMinor: bigint;
  /** min(taxable income, qualified dividends + the preferential capital gain): stacked on top of ordinary income. */
  qualifiedIncomeMinor: bigint;
  /** The calculator on taxable and qualified income: tax before credits, with its brackets. */
  incomeTax: IncomeTaxResult;
  childTaxCredit: ChildTaxCreditFigures;
  /** Income tax − the child tax credit allowed; never negative. */
  estimatedTaxMinor: bigint;
  withheld: Withholding;
  /** Estimated tax − withheld: negative is a refund to expect. */
  leftToPayMinor: bigint;
  /** Estimated tax / gross income, percent, 2 decimals half-up; "0.00" when there is no gross income. */
  effectiveRatePercent: string;
}

/** The year's raw sums by treatment; the figures built on a paid-out one count it 0 when refunds exceed payments. */
function totalsByTreatment(categories: readonly CategoryTotal[]): Record<CategoryTreatment, bigint> {
  const totals: Record<CategoryTreatment, bigint> = {
    TAXABLE_INCOME: 0n,
    ADJUSTMENT: 0n,
    DEDUCTION: 0n,
    STATE_AND_LOCAL_TAX: 0n,
    MEDICAL: 0n,
    TAX_PAYMENT: 0n,
    NONE: 0n,
  };
  for (const category of categories) totals[category.treatment] += category.amountMinor;
  return totals;
}

const atLeastZero = (minor: bigint) => (minor > 0n ? minor : 0n);
const smaller = (a: bigint, b: bigint) => (a < b ? a : b);

function checkRequest(request: SummaryRequest): void {
  const { dependants } = request;
  if (!Number.isSafeInteger(dependants) || dependants < 0)
    throw badInput("dependants must be a whole number, 0 or more", { field: "dependants" });
  if (request.otherWithholdingMinor < 0n) throw badInput("other withholding must not be negative", { field: "otherWithholding" });
}

/**
 * The year's estimate from the user's own figures, driven only by the table's data: gross income,
 * capital gains netted, adjustments, AGI, standard vs itemized deduction, taxable and qualified
 * income, the tax, the child tax credit, and what is left to pay after withholding.
 */
export function summarizeYear(request: SummaryRequest): YearSummary {
  checkRequest(request);
  const { table, filingStatus, figures } = request;
  const totals = totalsByTreatment(figures.categories);

  const capitalGains = netCapitalGains(
    figures.shortTermGainMinor,
    figures.longTermGainMinor,
    forFilingStatus(table, table.capitalLossLimit, filingStatus),
  );
  const qualifiedDividendsMinor = request.dividendsQualified ? atLeastZero(figures.dividendsMinor) : 0n;
  const income: IncomeFigures = {
    categoriesMinor: totals.TAXABLE_INCOME,
    interestMinor: figures.interestMinor,
    dividendsMinor: figures.dividendsMinor,
    qualifiedDividendsMinor,
    capitalGainOrLossMinor: capitalGains.includedInIncomeMinor,
    grossIncomeMinor: totals.TAXABLE_INCOME + figures.interestMinor + figures.dividendsMinor + capitalGains.includedInIncomeMinor,
  };

  const adjustmentsMinor = atLeastZero(totals.ADJUSTMENT);
  const adjustedGrossIncomeMinor = income.grossIncomeMinor - adjustmentsMinor;

  const itemized = itemizedDeduction({
    adjustedGrossIncomeMinor,
    deductionsPaidMinor: totals.DEDUCTION,
    stateAndLocalTaxPaidMinor: totals.STATE_AND_LOCAL_TAX,
    medicalPaidMinor: totals.MEDICAL,
    saltCap: forFilingStatus(table, table.saltCap, filingStatus),
    medicalFloorPercent: table.medicalFloor.percentOfAgi,
  });
  const deduction = chooseDeduction(forFilingStatus(table, table.standardDeduction, filingStatus), itemized);

  const taxableIncomeMinor = atLeastZero(adjustedGrossIncomeMinor - deduction.amountMinor);
  const qualifiedIncomeMinor = smaller(taxableIncomeMinor, qualifiedDividendsMinor + capitalGains.preferentialGainMinor);
  const incomeTax = computeIncomeTax({ table, filingStatus, taxableIncomeMinor, qualifiedIncomeMinor });

  const credit = childTaxCredit(
    forFilingStatus(table, table.childTaxCredit, filingStatus),
    request.dependants,
    adjustedGrossIncomeMinor,
    incomeTax.taxMinor,
  );
  const estimatedTaxMinor = incomeTax.taxMinor - credit.allowedMinor;

  const ledgerMinor = atLeastZero(totals.TAX_PAYMENT);
  const withheld: Withholding = {
    ledgerMinor,
    otherMinor: request.otherWithholdingMinor,
    totalMinor: ledgerMinor + request.otherWithholdingMinor,
  };

  return {
    jurisdiction: table.jurisdiction,
    year: table.year,
    revision: table.revision,
    currency: table.currency,
    filingStatus,
    dependants: request.dependants,
    income,
    capitalGains,
    adjustmentsMinor,
    adjustedGrossIncomeMinor,
    deduction,
    taxableIncomeMinor,
    qualifiedIncomeMinor,
    incomeTax,
    childTaxCredit: credit,
    estimatedTaxMinor,
    withheld,
    leftToPayMinor: estimatedTaxMinor - withheld.totalMinor,
    effectiveRatePercent: ratioPercent(estimatedTaxMinor, income.grossIncomeMinor),
  };
}

export type { IncomeTaxResult };
