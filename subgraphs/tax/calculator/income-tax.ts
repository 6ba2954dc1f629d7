import { forFilingStatus } from "../tables/by-filing-status.js";
import type { FilingStatusCode, RateBand, TaxTable } from "../tables/tax-table.js";
import { qualifiedIncomeAboveTaxable, qualifiedIncomeNegative } from "./income-tax.errors.js";
import { formatHundredths, percentMillionths, roundHalfUp, SCALE } from "./rate-arithmetic.js";

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
  /** Where the band starts on the taxable-income scale, as the table publishes it (not where the income in it starts). */
  fromMinor: bigint;
  /** Where the band ends; null for the open top band. */
  toMinor: bigint | null;
  /** The income in this band. */
  amountMinor: bigint;
  /**
   * The rounded cumulative tax of this kind at the line's end minus the same at its start, so the
   * lines of a kind add up exactly to the rounded figure (ordinaryTaxMinor, capitalGainsTaxMinor)
   * and an ordinary line that fills its band shows exactly the rate schedule's step.
   */
  taxMinor: bigint;
}

export interface IncomeTaxResult {
  taxMinor: bigint;
  ordinaryTaxMinor: bigint;
  capitalGainsTaxMinor: bigint;
  /** The rate of the band the last dollar of taxable income falls in; "0" when there is no taxable income. */
  marginalRatePercent: string;
  /** tax / taxable income, percent, 2 decimals half-up; "0.00" when there is no taxable income. */
  effectiveRatePercent: string;
  /** The bands income reaches (ordinary first, then capital gains), each with income in it. */
  brackets: BracketLine[];
}

interface Computation {
  ordinaryTaxMinor: bigint;
  capitalGainsTaxMinor: bigint;
  lines: BracketLine[];
}

/**
 * Taxes the income between `fromIncome` and `toIncome` on the taxable-income scale at the bands'
 * rates: the exact bracket formula, not the IRS tax table's $50 steps. Exact arithmetic in
 * 10⁻⁸ minor units; the total is rounded half-up once.
 */
function taxSlice(kind: BracketLine["kind"], bands: readonly RateBand[], fromIncome: bigint, toIncome: bigint) {
  const lines: BracketLine[] = [];
  let exact = 0n;
  let rounded = 0n;
  bands.forEach((band, i) => {
    const bandTop = bands[i + 1]?.overMinor ?? null;
    const start = band.overMinor > fromIncome ? band.overMinor : fromIncome;
    const end = bandTop !== null && bandTop < toIncome ? bandTop : toIncome;
    if (end <= start) return;
    exact += (end - start) * percentMillionths(band.ratePercent);
    const cumulative = roundHalfUp(exact, SCALE);
    lines.push({
      kind,
      ratePercent: band.ratePercent,
      fromMinor: band.overMinor,
      toMinor: bandTop,
      amountMinor: end - start,
      taxMinor: cumulative - rounded,
    });
    rounded = cumulative;
  });
  return { taxMinor: rounded, lines };
}

/**
 * Federal-style income tax on taxable income, with qualified dividends and long-term gains taxed
 * as the Qualified Dividends and Capital Gain Tax Worksheet does: ordinary income fills the rate
 * schedule from 0, qualified income is stacked on top of it and taxed at the capital-gains band
 * each part of it falls in, and if taxing everything as ordinary income is cheaper (worksheet line
 * 25), that computation is the answer (capitalGainsTax 0, ordinary bands over all income).
 *
 * Taxable income of 0 or less owes nothing (all zeros, no lines); qualified income must be within
 * 0..max(taxable income, 0) (BAD_USER_INPUT, field qualifiedIncome); a filing status the table
 * does not have is UNKNOWN_FILING_STATUS listing the table's statuses.
 */
export function computeIncomeTax(request: IncomeTaxRequest): IncomeTaxResult {
  const { table, filingStatus, taxableIncomeMinor: taxable, qualifiedIncomeMinor: qualified } = request;
  const ordinaryBands = forFilingStatus(table, table.ordinaryBrackets, filingStatus);
  const gainsBands = forFilingStatus(table, table.capitalGainsBrackets, filingStatus);
  if (qualified < 0n) throw qualifiedIncomeNegative();
  if (qualified > (taxable > 0n ? taxable : 0n)) throw qualifiedIncomeAboveTaxable();
  if (taxable <= 0n) {
    return {
      taxMinor: 0n,
      ordinaryTaxMinor: 0n,
      capitalGainsTaxMinor: 0n,
      marginalRatePercent: "0",
      effectiveRatePercent: "0.00",
      brackets: [],
    };
  }

  const allOrdinary = taxSlice("ORDINARY", ordinaryBands, 0n, taxable);
  let chosen: Computation = { ordinaryTaxMinor: allOrdinary.taxMinor, capitalGainsTaxMinor: 0n, lines: allOrdinary.lines };
  if (qualified > 0n) {
    const ordinary = taxSlice("ORDINARY", ordinaryBands, 0n, taxable - qualified);
    const gains = taxSlice("CAPITAL_GAINS", gainsBands, taxable - qualified, taxable);
    if (ordinary.taxMinor + gains.taxMinor <= allOrdinary.taxMinor) {
      chosen = { ordinaryTaxMinor: ordinary.taxMinor, capitalGainsTaxMinor: gains.taxMinor, lines: [...ordinary.lines, ...gains.lines] };
    }
  }

  const taxMinor = chosen.ordinaryTaxMinor + chosen.capitalGainsTaxMinor;
  return {
    taxMinor,
    ordinaryTaxMinor: chosen.ordinaryTaxMinor,
    capitalGainsTaxMinor: chosen.capitalGainsTaxMinor,
    // The last line ends at the taxable income: its band holds the last dollar.
    marginalRatePercent: chosen.lines.at(-1)!.ratePercent,
    effectiveRatePercent: formatHundredths(roundHalfUp(taxMinor * 10_000n, taxable)),
    brackets: chosen.lines,
  };
}
