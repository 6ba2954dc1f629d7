import type { FilingStatusCode, TaxTable } from "../tables/tax-table.js";

/** What `computeIncomeTax` is asked: amounts in minor units of the table's currency. */
export interface IncomeTaxRequest {
  table: TaxTable;
  filingStatus: FilingStatusCode;
  /** Negative taxable income owes no tax (documented in the API). */
  taxableIncomeMinor: bigint;
  /** Qualified dividends and net long-term capital gain, stacked on top of ordinary income; 0..taxable. */
  qualifiedIncomeMinor: bigint;
}

/** One band of the computation: the part of income taxed at one rate. */
export interface BracketLine {
  kind: "ORDINARY" | "CAPITAL_GAINS";
  ratePercent: string;
  fromMinor: bigint;
  /** Null for the open top band. */
  toMinor: bigint | null;
  /** The income in this band. */
  amountMinor: bigint;
  taxMinor: bigint;
}

export interface IncomeTaxResult {
  taxMinor: bigint;
  ordinaryTaxMinor: bigint;
  capitalGainsTaxMinor: bigint;
  /** The rate of the band the last dollar of taxable income falls in. */
  marginalRatePercent: string;
  /** tax / taxable income, percent, 2 decimals half-up; "0.00" when there is no taxable income. */
  effectiveRatePercent: string;
  brackets: BracketLine[];
}

/*
 * To be written here (pure, property-tested):
 *   export function computeIncomeTax(request: IncomeTaxRequest): IncomeTaxResult
 * throwing badInput (platform/errors) with code-bearing extensions for an unknown filing status
 * and for qualified income < 0 or > taxable income.
 */
