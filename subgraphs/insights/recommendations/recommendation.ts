/** What a recommendation is about. */
export type RecommendationKind =
  "BUDGET_OVERRUN_STREAK" | "SUBSCRIPTION_PRICE_INCREASE" | "EMERGENCY_FUND_LOW" | "HIGH_INTEREST_LOAN" | "IDLE_CASH";

/** One figure that justifies a recommendation, as shown: money already formatted, or a count or percent. */
export interface Figure {
  label: string;
  value: string;
}

export interface Recommendation {
  /** Stable for the same advice: dismissing it hides it until the situation is a new one (another key). */
  key: string;
  kind: RecommendationKind;
  title: string;
  explanation: string;
  figures: Figure[];
}
