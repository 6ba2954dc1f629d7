/**
 * tax's event contract: topics, event types and payloads (see identity.ts for the rules of this
 * folder). Amounts are strings of minor units of `currency` (the tax table's currency).
 */

/** Key = user id. A user's estimated tax for a year changed (notifications and dashboards show it). */
export const TAX_SUMMARY_TOPIC = "tax.summary.v1" as const;

export const TAX_ESTIMATE_CHANGED = "TaxEstimateChanged" as const;

export interface TaxEstimateChangedV1 {
  /** `<userId>:<year>`: what the `taxEstimate(id)` query and the `taxEstimateChanged` subscription look up. */
  estimateId: string;
  userId: string;
  year: number;
  jurisdiction: string;
  /** The law revision the estimate used. */
  revision: string;
  currency: string;
  estimatedTaxMinor: string;
  withheldMinor: string;
  /** Estimated tax less what was withheld or paid; negative: a refund is expected. */
  leftToPayMinor: string;
  /** The estimate announced before this one; null for the first. */
  previousEstimatedTaxMinor: string | null;
}

/** Payloads on `tax.summary.v1`, by event type. */
export type TaxSummaryEvents = {
  [TAX_ESTIMATE_CHANGED]: TaxEstimateChangedV1;
};

/** Every tax topic and what it carries. */
export type TaxTopics = {
  [TAX_SUMMARY_TOPIC]: TaxSummaryEvents;
};
