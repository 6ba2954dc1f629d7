import type { CategoryTreatment } from "../summary/year-summary.js";

/** A user's tax settings for one year, as stored or as carried over from an earlier year. */
export interface TaxProfile {
  userId: string;
  year: number;
  jurisdiction: string;
  filingStatus: string;
  /** Qualifying children for the child tax credit. */
  dependants: number;
  dividendsQualified: boolean;
  otherWithholdingMinor: bigint;
  /** The law revision asked for; null: the newest of the year's tables. */
  revision: string | null;
  /** Whether the user saved settings for this very year. */
  saved: boolean;
  /** The earlier year whose settings apply until the user saves this one; null when saved or none. */
  carriedFrom: number | null;
  /** The user's own category treatments (the rest are inherited or defaults). */
  overrides: Map<string, CategoryTreatment>;
}

/**
 * With nothing saved: a single filer in the US, no dependants, dividends taxed as ordinary income
 * (the cautious choice: a higher estimate, never a surprise bill), nothing withheld.
 */
export function defaultProfile(userId: string, year: number): TaxProfile {
  return {
    userId,
    year,
    jurisdiction: "US",
    filingStatus: "SINGLE",
    dependants: 0,
    dividendsQualified: false,
    otherWithholdingMinor: 0n,
    revision: null,
    saved: false,
    carriedFrom: null,
    overrides: new Map(),
  };
}

/**
 * An earlier year's settings carried into `year`: who files and how carries over; what belongs to
 * one year does not (the withholding entered, and a pinned revision, which names a year's law).
 */
export function carriedOver(earlier: TaxProfile, year: number): TaxProfile {
  return { ...earlier, year, otherWithholdingMinor: 0n, revision: null, saved: false, carriedFrom: earlier.year };
}
