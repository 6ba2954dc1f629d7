/**
 * A tax table as the law published it: one jurisdiction, one tax year, one revision of the law.
 * Tables are data (`tables/data/<jurisdiction>-<year>-<revision>.json`), read and checked by
 * `table-catalog.ts`; this file is only their shape once checked. Amounts are integer minor units
 * of `currency`; rates are exact decimal percent strings ("10", "32.5").
 */

/** The filing statuses of a jurisdiction; US: SINGLE, MARRIED_FILING_JOINTLY, MARRIED_FILING_SEPARATELY, HEAD_OF_HOUSEHOLD. */
export type FilingStatusCode = string;

/** Where a figure comes from: the citation a reader can look up, and its address. */
export interface TableSource {
  citation: string;
  url: string;
}

/** One rate band: the rate applies to income over `overMinor` up to the next band's `overMinor`. */
export interface RateBand {
  overMinor: bigint;
  ratePercent: string;
}

/** A figure per filing status, with its source. */
export interface ByFilingStatus<T> {
  source: TableSource;
  byFilingStatus: Record<FilingStatusCode, T>;
}

/** The state and local tax deduction's cap, and its phase-down above a modified AGI (OBBBA 2025). */
export interface SaltCap {
  limitMinor: bigint;
  /** Above this modified AGI the cap shrinks by `phaseDownPercent` of the excess... */
  phaseDownOverMinor: bigint | null;
  phaseDownPercent: string | null;
  /** ...but never below this. */
  floorMinor: bigint | null;
}

/** The child tax credit per qualifying child, reduced by `reductionMinor` per `stepMinor` (or part of it) of AGI over the threshold. */
export interface ChildTaxCredit {
  perChildMinor: bigint;
  phaseOutOverMinor: bigint;
  stepMinor: bigint;
  reductionMinor: bigint;
}

export interface TaxTable {
  jurisdiction: string;
  year: number;
  /** The law revision's name, as a computation asks for it ("REV_PROC_2024_40"). */
  revision: string;
  title: string;
  /** The day the revision took effect (YYYY-MM-DD); the newest applies by default. */
  effectiveDate: string;
  currency: string;
  filingStatuses: FilingStatusCode[];
  /** Ordinary income rate schedule, lowest band first (the first is over 0). */
  ordinaryBrackets: ByFilingStatus<RateBand[]>;
  standardDeduction: ByFilingStatus<bigint>;
  /** Long-term capital gains and qualified dividends (0/15/20 % in the US), lowest band first. */
  capitalGainsBrackets: ByFilingStatus<RateBand[]>;
  /** Net capital loss deductible against ordinary income in the year. */
  capitalLossLimit: ByFilingStatus<bigint>;
  saltCap: ByFilingStatus<SaltCap>;
  /** Medical expenses are deductible above this percent of AGI. */
  medicalFloor: { source: TableSource; percentOfAgi: string };
  childTaxCredit: ByFilingStatus<ChildTaxCredit>;
}
