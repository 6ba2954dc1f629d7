import type { StatsDecimal } from "./robust-stats.js";

/*
 * What the detectors report. Every anomaly has a key built only from what it is about (the
 * transaction, the pair, the category and month), never from its figures, so a rescan with more
 * history finds the same key and nothing is alerted twice; and every anomaly carries the figures
 * its explanation quotes.
 */
export type AnomalyKind = "UNUSUAL_AMOUNT" | "DUPLICATE_CHARGE" | "NEW_PAYEE_LARGE" | "CATEGORY_SPIKE";

interface AnomalyOf<K extends AnomalyKind, F> {
  readonly key: string;
  readonly kind: K;
  /** The day of the transaction that raised it. */
  readonly date: string;
  /** The transaction that raised it comes last. */
  readonly transactionIds: readonly string[];
  readonly explanation: string;
  readonly figures: F;
}

export interface UnusualAmountFigures {
  /** Which history it was measured against: the payee's when it has enough, else the category's. */
  readonly basis: "PAYEE" | "CATEGORY";
  readonly amountMinor: bigint;
  /** Exact, in minor units. */
  readonly medianMinor: StatsDecimal;
  /** The MAD the score used, in minor units: the history's own, or the floor when that was smaller. */
  readonly madMinor: StatsDecimal;
  readonly madFloored: boolean;
  /** |x − median| / MAD, rounded to 1 decimal, for the explanation. */
  readonly madsAbove: string;
  /** 0.6745 · |x − median| / MAD, rounded to 2 decimals. */
  readonly modifiedZScore: string;
  readonly historySize: number;
}

export interface DuplicateChargeFigures {
  readonly amountMinor: bigint;
  readonly daysApart: number;
}

export interface NewPayeeLargeFigures {
  readonly amountMinor: bigint;
  /** The user's expense at the percentile, in minor units: the amount this one is above. */
  readonly thresholdMinor: bigint;
  readonly percentile: number;
  readonly historySize: number;
}

export interface CategorySpikeFigures {
  readonly categoryId: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  /** The category's spending in the month up to and including the transaction that crossed. */
  readonly monthToDateMinor: bigint;
  /** Exact median of the previous months' totals, in minor units. */
  readonly trailingMedianMinor: StatsDecimal;
  readonly trailingMonths: number;
  /** monthToDate / trailing median, rounded to 1 decimal. */
  readonly times: string;
}

export type UnusualAmountAnomaly = AnomalyOf<"UNUSUAL_AMOUNT", UnusualAmountFigures>;
export type DuplicateChargeAnomaly = AnomalyOf<"DUPLICATE_CHARGE", DuplicateChargeFigures>;
export type NewPayeeLargeAnomaly = AnomalyOf<"NEW_PAYEE_LARGE", NewPayeeLargeFigures>;
export type CategorySpikeAnomaly = AnomalyOf<"CATEGORY_SPIKE", CategorySpikeFigures>;
export type Anomaly = UnusualAmountAnomaly | DuplicateChargeAnomaly | NewPayeeLargeAnomaly | CategorySpikeAnomaly;

export interface AnomalyOptions {
  /** The user's base currency: amounts in explanations are written in it. */
  readonly currency: string;
  /** A category's display name for explanations; its id when not given. */
  readonly categoryName?: (categoryId: string) => string;
}
